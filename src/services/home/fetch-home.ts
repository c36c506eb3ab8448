/** The first screen in one call: `home.getHome` (contract: cloudfunctions/home/contract.ts). */

import type { Envelope } from '@cloud/_lib/envelope'
import type { HomeData } from '@cloud/home/contract'
import { callFunction } from '../cloud'

export type { HomeData }

export function fetchHome(): Promise<Envelope<HomeData>> {
  return callFunction('home', 'getHome', {})
}
