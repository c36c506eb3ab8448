/** Sending the form: upload newly picked photos into my own notices/ folder, then post or edit. */
import type { Envelope } from '@cloud/_lib/envelope'
import { editNotice, newRequestId, postNotice } from '@/services/fronts'
import { uploadImage } from '@/services/storage/upload-image'
import { expiryInstant } from './expiry-field'
import type { Draft } from './notice-form'

async function photoIds(draft: Draft): Promise<string[]> {
  const ids: string[] = []
  for (const p of draft.photos) ids.push(p.fileId ?? (await uploadImage(p.src, 'notices')))
  return ids
}

const failed = (message: string): Envelope<never> => ({ ok: false, error: { code: 'INVALID_ARGUMENT', message } })

/** A new notice: the id to open, or the error to show. `requestId` is kept by the page per attempt. */
export async function sendNew(groupId: string, draft: Draft, requestId: string): Promise<Envelope<{ id: string }>> {
  let photos: string[]
  try {
    photos = await photoIds(draft)
  } catch (err) {
    return failed(`${(err as Error).message}，也可以去掉照片再发`)
  }
  return postNotice({
    groupId,
    requestId,
    title: draft.title.trim(),
    body: draft.body.trim(),
    category: draft.category,
    pinned: draft.pinned,
    expiresAt: expiryInstant(draft.expiry),
    ...(photos.length ? { photos } : {}),
  })
}

export async function sendEdit(noticeId: string, draft: Draft): Promise<Envelope<{ id: string }>> {
  let photos: string[]
  try {
    photos = await photoIds(draft)
  } catch (err) {
    return failed((err as Error).message)
  }
  return editNotice({
    noticeId,
    title: draft.title.trim(),
    body: draft.body.trim(),
    category: draft.category,
    pinned: draft.pinned,
    expiresAt: expiryInstant(draft.expiry),
    photos,
  })
}

export { newRequestId }
