/**
 * @jest-environment jsdom
 *
 * The built weapp page pkg-front/handovers/index in miniprogram-simulate against the local cloud
 * (case in front-cases.ts: what it shows, what its primary tap does).
 */
import { checkFrontPage, FRONT_CASES } from './front-cases'

const c = FRONT_CASES.find((x) => x.page === 'pkg-front/handovers/index')

test(`pkg-front/handovers/index shows “${c?.shows}”${c?.tap ? ` and ${c.tap} works` : ''}`, () =>
  checkFrontPage('pkg-front/handovers/index'))
