/**
 * @jest-environment jsdom
 *
 * The built weapp page pkg-front/settings/index in miniprogram-simulate against the local cloud
 * (case in front-cases.ts: what it shows, what its primary tap does).
 */
import { checkFrontPage, FRONT_CASES } from './front-cases'

const c = FRONT_CASES.find((x) => x.page === 'pkg-front/settings/index')

test(`pkg-front/settings/index shows “${c?.shows}”${c?.tap ? ` and ${c.tap} works` : ''}`, () => checkFrontPage('pkg-front/settings/index'))
