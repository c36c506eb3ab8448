/**
 * @jest-environment jsdom
 *
 * The built weapp page pkg-stations/report/index in miniprogram-simulate against the local cloud
 * (case in helpers/subpackage-cases.ts: what it shows, what its primary tap does).
 */
import { CASES, checkSubpackagePage } from './helpers/subpackage-cases'

const c = CASES.find((x) => x.page === 'pkg-stations/report/index')

test(`pkg-stations/report/index shows “${c?.shows}”${c?.tap ? ` and ${c.tap} works` : ''}`, () =>
  checkSubpackagePage('pkg-stations/report/index'))
