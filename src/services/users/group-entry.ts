/**
 * Joining the group the app was opened from, once per launch/show: get the group's CloudID, call
 * users.enterGroup, retry a failing first entry (a fresh CloudID each time: they expire after
 * five minutes) and remember the last group so pages can show it while offline.
 * Pages subscribe with `useGroupEntry()` (src/hooks).
 */
import type { AppErrorBody } from '@cloud/_lib/envelope'
import type { EnterGroupResult } from '@cloud/users/contract'
import Taro from '@tarojs/taro'
import { enterGroup } from '.'
import { groupEnterInfo } from './group-enter-info'

export type GroupEntryState =
  | { status: 'idle' }
  | { status: 'entering' }
  | { status: 'done'; result: EnterGroupResult }
  | { status: 'failed'; error: AppErrorBody }

const CACHE_KEY = 'xiaoge.lastGroup'
const RETRY_DELAYS_MS = [600, 1500]

let state: GroupEntryState = { status: 'idle' }
let running: Promise<GroupEntryState> | null = null
const listeners = new Set<(s: GroupEntryState) => void>()

function set(next: GroupEntryState) {
  state = next
  for (const l of listeners) l(next)
}

export function groupEntryState(): GroupEntryState {
  return state
}

export function onGroupEntry(listener: (s: GroupEntryState) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The last group this device joined or entered, for showing before the network answers. */
export function cachedGroup(): { id: string; name: string } | null {
  try {
    const v = Taro.getStorageSync(CACHE_KEY) as { id?: string; name?: string } | ''
    return v && typeof v.id === 'string' && typeof v.name === 'string' ? { id: v.id, name: v.name } : null
  } catch {
    return null
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const RETRYABLE = new Set(['NETWORK', 'INTERNAL', 'FAILED_PRECONDITION'])

async function run(): Promise<GroupEntryState> {
  let lastError: AppErrorBody | null = null
  for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt++) {
    const ref = await groupEnterInfo()
    if (!ref) {
      // not opened from a group: nothing to join (keep any earlier result)
      if (state.status === 'entering') set({ status: 'idle' })
      return state
    }
    if (attempt === 0) set({ status: 'entering' })
    const answer = await enterGroup(ref)
    if (answer.ok) {
      if (answer.data.group) {
        try {
          Taro.setStorageSync(CACHE_KEY, answer.data.group)
        } catch {
          // storage full or unavailable: the cache is only a convenience
        }
      }
      set({ status: 'done', result: answer.data })
      return state
    }
    lastError = answer.error
    if (!RETRYABLE.has(answer.error.code) || attempt === RETRY_DELAYS_MS.length) break
    await sleep(RETRY_DELAYS_MS[attempt])
  }
  set({ status: 'failed', error: lastError ?? { code: 'INTERNAL', message: '没有加入群，请稍后重试' } })
  return state
}

/** Called on app launch and show; concurrent calls share one run. */
export function enterFromGroup(): Promise<GroupEntryState> {
  if (!running) running = run().finally(() => (running = null))
  return running
}
