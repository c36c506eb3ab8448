/**
 * @jest-environment jsdom
 *
 * The built weapp page pkg-me/notices/index in miniprogram-simulate against the local cloud
 * (case in helpers/subpackage-cases.ts: what it shows, what its primary tap does).
 */
import { CASES, checkSubpackagePage } from './helpers/subpackage-cases'

const c = CASES.find((x) => x.page === 'pkg-me/notices/index')

test(`pkg-me/notices/index shows “${c?.shows}”${c?.tap ? ` and ${c.tap} works` : ''}`, () => checkSubpackagePage('pkg-me/notices/index'))
