/** Liaisons (their groups' riders) and town: riders paused for no-shows, and lifting a pause. */
import { callFunction } from '../cloud'

export type { PausedRider } from '@cloud/meals/contract'

export const listPaused = () => callFunction('meals', 'listPaused', {})
export const liftPause = (riderOpenid: string, note?: string) =>
  callFunction('meals', 'liftPause', note ? { riderOpenid, note } : { riderOpenid })
