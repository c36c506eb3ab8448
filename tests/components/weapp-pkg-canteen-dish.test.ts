/**
 * @jest-environment jsdom
 *
 * The built weapp page pkg-canteen/dish/index in miniprogram-simulate against the local cloud
 * (case in helpers/canteen-cases.ts: what it shows, what its primary tap does).
 */
import { CANTEEN_CASES, checkCanteenPage } from './helpers/canteen-cases'

const c = CANTEEN_CASES.find((x) => x.page === 'pkg-canteen/dish/index')

test(`pkg-canteen/dish/index shows ${c?.shows.join('、')}${c?.tap ? ` and ${c.tap} works` : ''}`, () =>
  checkCanteenPage('pkg-canteen/dish/index'))
