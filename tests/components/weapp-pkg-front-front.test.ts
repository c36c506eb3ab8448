/**
 * @jest-environment jsdom
 *
 * The built weapp page pkg-front/front/index in miniprogram-simulate against the local cloud
 * (case in front-cases.ts: what it shows, what its primary tap does).
 */
import { checkFrontPage, FRONT_CASES } from './front-cases'

const c = FRONT_CASES.find((x) => x.page === 'pkg-front/front/index')

test(`pkg-front/front/index shows “${c?.shows}”${c?.tap ? ` and ${c.tap} works` : ''}`, () => checkFrontPage('pkg-front/front/index'))
