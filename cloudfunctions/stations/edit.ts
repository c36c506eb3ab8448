/**
 * What the town's station edits must pass before anything is stored: hours that make sense, texts
 * others read (name, address, capacity note, exception notes) through the content check, photos
 * that are the caller's own uploads for stations (or already on this station) with their content
 * checks started, and a group that exists.
 */

import type { HoursException, WeeklyHours } from '../_domain/hours'
import type { Caller } from '../_lib/caller'
import { db, row } from '../_lib/cloud'
import { COLLECTION } from '../_lib/collections'
import { checkTexts, type StartedCheck, startMediaChecks } from '../_lib/content'
import { invalid } from '../_lib/errors'
import { assertOwnFiles } from '../_lib/files'
import { checkHours, exceptionNotes } from './hours-rules'

export interface StationEdit {
  name?: string
  address?: string
  capacityNote?: string
  hours?: WeeklyHours[]
  exceptions?: HoursException[]
  photos?: string[]
  groupId?: string | null
}

async function checkGroup(groupId: string | null | undefined): Promise<void> {
  if (!groupId) return
  const group = await row(db.collection(COLLECTION.groups).where({ _id: groupId }))
  if (!group || group.status === 'removed') throw invalid('没有找到这个微阵地（群）', { field: 'groupId' })
}

/**
 * Check an edit against the station's current photos (`attached`); returns the photo checks
 * started for the new photos (store them in `pendingMedia`, then `recordMediaChecks`).
 */
export async function checkEdit(edit: StationEdit, caller: Caller, attached: string[]): Promise<StartedCheck[]> {
  checkHours(edit.hours, edit.exceptions)
  const photos = edit.photos ?? []
  assertOwnFiles(photos, { openid: caller.openid, purpose: 'stations', field: 'photos', attached })
  await checkGroup(edit.groupId)
  const texts = { name: edit.name, address: edit.address, capacityNote: edit.capacityNote, ...exceptionNotes(edit.exceptions) }
  await checkTexts(texts, { openid: caller.openid, scene: 'profile' })
  return startMediaChecks(
    photos.filter((p) => !attached.includes(p)),
    { openid: caller.openid, scene: 'profile' },
  )
}
