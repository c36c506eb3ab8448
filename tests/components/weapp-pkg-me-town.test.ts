/**
 * @jest-environment jsdom
 *
 * The built weapp page pkg-me/town/index in miniprogram-simulate against the local cloud
 * (case in helpers/subpackage-cases.ts: what it shows, what its primary tap does).
 */
import { CASES, checkSubpackagePage } from './helpers/subpackage-cases'

const c = CASES.find((x) => x.page === 'pkg-me/town/index')

test(`pkg-me/town/index shows “${c?.shows}”${c?.tap ? ` and ${c.tap} works` : ''}`, () => checkSubpackagePage('pkg-me/town/index'))
