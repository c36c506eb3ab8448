/** The first screen in one call: `home.getHome` (contract: cloudfunctions/home/contract.ts). */

import type { Envelope } from '@cloud/_lib/envelope'
import type { HomeData } from '@cloud/home/contract'
import { callFunction } from '../cloud'
import { cachedList } from '../stations/stations'

export type { HomeData }

export interface LatLng {
  lat: number
  lng: number
}

/** A saved location older than this is not used: the rider has likely moved. */
const LOCATION_MAX_AGE_MS = 12 * 3_600_000

/**
 * The rider's fuzzy location as the 驿站 tab last used it (saved with its list), so 首页's nearest
 * stations match that tab. Never asks for the location: the first screen must not prompt; a rider
 * who has not granted it (or not opened 驿站 lately) gets stations sorted from the town centre.
 */
export function savedLocation(now = Date.now()): LatLng | undefined {
  const saved = cachedList()
  const loc = saved?.params.location
  if (!saved || !loc || now - saved.savedAt > LOCATION_MAX_AGE_MS || now < saved.savedAt - 60_000) return undefined
  return typeof loc.lat === 'number' && typeof loc.lng === 'number' ? { lat: loc.lat, lng: loc.lng } : undefined
}

export function fetchHome(params: { location?: LatLng } = {}): Promise<Envelope<HomeData>> {
  return callFunction('home', 'getHome', params.location ? { location: params.location } : {})
}

/** 首页's fetcher: getHome from the saved location, when there is one. */
export function fetchHomeNearMe(): Promise<Envelope<HomeData>> {
  const location = savedLocation()
  return fetchHome(location ? { location } : {})
}
