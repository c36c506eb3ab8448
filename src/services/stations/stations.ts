/**
 * The stations feature's door to the backend (contract: cloudfunctions/stations/contract.ts).
 * The list is cached on the device: a page shows the cached list at once, then the fresh one
 * (refreshed in the background), and keeps the cached one on a weak network.
 * Docs: https://docs.taro.zone/docs/apis/storage/setStorageSync
 */

import type { ParamsOf } from '@cloud/_lib/api'
import type { Envelope } from '@cloud/_lib/envelope'
import type { listStationsInput, ServiceKey, StationDetail, StationList } from '@cloud/stations/contract'
import Taro from '@tarojs/taro'
import type { z } from 'zod'
import { callFunction } from '../cloud'

export type { ProblemView, ServiceOption, StationDetail, StationList, StationRow } from '@cloud/stations/contract'

export type ListParams = z.input<typeof listStationsInput>

const CACHE_KEY = 'xiaoge.stations.list.v1'

export interface CachedList {
  savedAt: number
  params: ListParams
  list: StationList
}

export function cachedList(): CachedList | null {
  try {
    const value = Taro.getStorageSync(CACHE_KEY) as CachedList | ''
    return value && typeof value === 'object' && value.list ? value : null
  } catch {
    return null
  }
}

export async function fetchStationList(params: ListParams): Promise<Envelope<StationList>> {
  const answer = await callFunction('stations', 'listStations', params)
  if (answer.ok) {
    try {
      Taro.setStorageSync(CACHE_KEY, { savedAt: Date.now(), params, list: answer.data } satisfies CachedList)
    } catch {
      // storage full: the list still shows
    }
  }
  return answer
}

export const getStation = (stationId: string) => callFunction('stations', 'getStation', { stationId })

/** The detail, kept per station; on a network failure the saved one is returned with `savedAt`. */
export async function getStationSaved(stationId: string): Promise<Envelope<StationDetail & { savedAt?: number }>> {
  const key = `xiaoge.stations.detail.${stationId}`
  const answer = await getStation(stationId)
  if (answer.ok) {
    try {
      Taro.setStorageSync(key, { savedAt: Date.now(), detail: answer.data })
    } catch {
      // storage full: nothing saved
    }
    return answer
  }
  if (answer.error.code !== 'NETWORK') return answer
  try {
    const saved = Taro.getStorageSync(key) as { savedAt: number; detail: StationDetail } | ''
    if (saved && typeof saved === 'object' && saved.detail) return { ok: true, data: { ...saved.detail, savedAt: saved.savedAt } }
  } catch {
    // fall through
  }
  return answer
}
export const reportProblem = (params: ParamsOf<'stations', 'reportProblem'>) => callFunction('stations', 'reportProblem', params)
export const checkIn = (code: string) => callFunction('stations', 'checkIn', { code })
export const listManaged = () => callFunction('stations', 'listManaged', {})
export const listProblems = (stationId: string) => callFunction('stations', 'listProblems', { stationId })
export const confirmProblem = (problemId: string) => callFunction('stations', 'confirmProblem', { problemId })
export const resolveProblem = (problemId: string, outcome: 'fixed' | 'dismissed', note?: string) =>
  callFunction('stations', 'resolveProblem', { problemId, outcome, note })
export const setServiceState = (params: ParamsOf<'stations', 'setServiceState'>) => callFunction('stations', 'setServiceState', params)
export const verifyStation = (stationId: string) => callFunction('stations', 'verifyStation', { stationId })
export const stationStats = (stationId: string) => callFunction('stations', 'stationStats', { stationId, days: 7 })
export const issueCheckinCode = (stationId: string, rotate = false) => callFunction('stations', 'issueCheckinCode', { stationId, rotate })
export const setHours = (params: ParamsOf<'stations', 'setHours'>) => callFunction('stations', 'setHours', params)
export const closeStation = (params: ParamsOf<'stations', 'closeStation'>) => callFunction('stations', 'closeStation', params)
export const reopenStation = (stationId: string) => callFunction('stations', 'reopenStation', { stationId })
export const createStation = (params: ParamsOf<'stations', 'createStation'>) => callFunction('stations', 'createStation', params)
export const updateStation = (params: ParamsOf<'stations', 'updateStation'>) => callFunction('stations', 'updateStation', params)

/** The service catalogue (labels) from the server, for forms: one short list call from the town centre. */
export async function listCatalogue(): Promise<Envelope<{ key: ServiceKey; label: string }[]>> {
  const r = await callFunction('stations', 'listStations', { limit: 1 })
  return r.ok ? { ok: true, data: r.data.catalogue.map((c) => ({ key: c.key, label: c.label })) } : r
}

/** Groups (微阵地) for the edit page's "所属微阵地" picker (town only). */
export const listStationGroups = () => callFunction('users', 'listGroups', {})
