/**
 * The content guard: everything a person writes or uploads that other people will see is checked
 * by WeChat's content security before anyone sees it.
 *
 * Texts: `security.msgSecCheck` v2 with the author's openid and a scene, before anything is
 * stored. One verdict rule everywhere: only `pass` passes — `review` and `risky` answer
 * CONTENT_REJECTED — and a failure of the check itself refuses rather than lets through.
 *
 * Photos: `security.mediaCheckAsync` v2; the verdict arrives later as a `wxa_media_check` message
 * push to the `contentcheck` function. Until it passes, the file id stays in the record's
 * `pendingMedia` and is shown to nobody but its author (`visibleFiles`); a failed photo is taken
 * off the record, deleted from storage and its author told. Records in `media_checks` (_id =
 * trace_id) say which record and field a photo belongs to; either side (the action recording
 * the check, the verdict arriving) may come first.
 *
 * Openapi permissions needed by a function using it: security.msgSecCheck, security.mediaCheckAsync.
 */
import { _, cloud, db } from './cloud'
import { COLLECTION, type CollectionName } from './collections'
import { AppError } from './errors'
import { deleteFiles, tempUrls } from './files'
import { notify } from './notify'
import { type Doc, isDuplicateKey, str, strings, updatedCount } from './values'

/** msgSecCheck / mediaCheckAsync scenes: 1 资料, 2 评论, 3 论坛, 4 社交日志. */
export const SCENE = { profile: 1, comment: 2, forum: 3, social: 4 } as const
export type Scene = keyof typeof SCENE

export const REJECTED_MESSAGE = '内容未通过安全检查，请修改后再试'
const UNAVAILABLE = '内容检查暂时不可用，请稍后再试'

/**
 * Check each non-empty text (in parallel); the first that does not pass refuses the action with
 * CONTENT_REJECTED naming its field. Nothing has been stored when this throws.
 */
export async function checkTexts(fields: Record<string, string | null | undefined>, opts: { openid: string; scene: Scene }): Promise<void> {
  const entries = Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '')
  const verdicts = await Promise.all(entries.map(([, content]) => textVerdict(content, opts)))
  const bad = verdicts.findIndex((v) => v !== 'pass')
  if (bad >= 0) throw new AppError('CONTENT_REJECTED', REJECTED_MESSAGE, { field: entries[bad][0] })
}

async function textVerdict(content: string, { openid, scene }: { openid: string; scene: Scene }): Promise<string> {
  try {
    const res = (await cloud.openapi.security.msgSecCheck({ content, version: 2, scene: SCENE[scene], openid })) as unknown as {
      result?: { suggest?: string }
    }
    return str(res.result?.suggest, 'unknown')
  } catch (err) {
    console.warn('[content] msgSecCheck failed', (err as { errCode?: number })?.errCode ?? err)
    throw new AppError('INTERNAL', UNAVAILABLE)
  }
}

export interface StartedCheck {
  fileId: string
  traceId: string
}

/**
 * Start the photo checks of newly attached files (before the record is written: if a check cannot
 * be started the action is refused and nothing is stored). Store the returned file ids in the
 * record's `pendingMedia`, then call `recordMediaChecks` once the record exists.
 */
export async function startMediaChecks(fileIds: readonly string[], opts: { openid: string; scene: Scene }): Promise<StartedCheck[]> {
  if (!fileIds.length) return []
  const urls = await tempUrls(fileIds, 24 * 3600)
  return Promise.all(
    fileIds.map(async (fileId) => {
      const mediaUrl = urls.get(fileId)
      if (!mediaUrl) throw new AppError('INVALID_ARGUMENT', '照片没有找到，请重新上传', { field: 'photos' })
      try {
        const res = (await cloud.openapi.security.mediaCheckAsync({
          mediaUrl,
          mediaType: 2,
          version: 2,
          scene: SCENE[opts.scene],
          openid: opts.openid,
        })) as unknown as { traceId?: string; trace_id?: string }
        const traceId = str(res.traceId) || str(res.trace_id)
        if (!traceId) throw new Error('no trace id')
        return { fileId, traceId }
      } catch (err) {
        console.warn('[content] mediaCheckAsync failed', (err as { errCode?: number })?.errCode ?? err)
        throw new AppError('INTERNAL', UNAVAILABLE)
      }
    }),
  )
}

export interface MediaTarget {
  collection: CollectionName
  id: string
  /** The field holding the file id: an array of ids or one id (dotted paths allowed). */
  field: string
  /** Who uploaded it: told when a photo is removed. */
  author: string
}

/** Remember which record each started check belongs to; a verdict that arrived first is applied now. */
export async function recordMediaChecks(started: readonly StartedCheck[], target: MediaTarget, now: Date): Promise<void> {
  const checks = db.collection(COLLECTION.media_checks)
  for (const { fileId, traceId } of started) {
    const where = { collection: target.collection, docId: target.id, field: target.field, author: target.author, fileId }
    try {
      await checks.add({ data: { _id: traceId, ...where, state: 'pending', createdAt: now } })
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
      // The verdict came first (state 'early'): attach the target and apply it.
      await checks.where({ _id: traceId }).update({ data: where })
      await applyIfDecided(traceId, now)
    }
  }
}

type Verdict = 'passed' | 'rejected'

/**
 * A `wxa_media_check` push: store the verdict, then apply it to the record if the record is known.
 * `review`, `risky` and a failed check (errcode ≠ 0) all remove the photo.
 */
export async function receiveMediaVerdict(event: Doc, now: Date): Promise<{ traceId: string; verdict: Verdict; applied: boolean }> {
  const traceId = str(event.trace_id)
  if (!traceId) throw new AppError('INVALID_ARGUMENT', '缺少 trace_id')
  const result = (event.result ?? {}) as Doc
  const failed = typeof event.errcode === 'number' && event.errcode !== 0
  const verdict: Verdict = !failed && str(result.suggest) === 'pass' ? 'passed' : 'rejected'
  const data = {
    verdict,
    suggest: str(result.suggest, failed ? 'error' : 'unknown'),
    label: str(String(result.label ?? '')),
    decidedAt: now,
  }
  const checks = db.collection(COLLECTION.media_checks)
  const stored = updatedCount(await checks.where({ _id: traceId, verdict: _.exists(false) }).update({ data })) === 1
  if (!stored) {
    try {
      await checks.add({ data: { _id: traceId, state: 'early', ...data, createdAt: now } })
      return { traceId, verdict, applied: false }
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
      // the action recorded the check in between (store the verdict now), or this push is a repeat (no change)
      await checks.where({ _id: traceId, verdict: _.exists(false) }).update({ data })
    }
  }
  const applied = await applyIfDecided(traceId, now)
  return { traceId, verdict, applied }
}

/** Apply a stored verdict to its record exactly once (state pending|early → passed|rejected). */
async function applyIfDecided(traceId: string, now: Date): Promise<boolean> {
  const checks = db.collection(COLLECTION.media_checks)
  const found = ((await checks.where({ _id: traceId }).get()) as { data: Doc[] }).data[0]
  if (!found?.verdict || !found.docId) return false
  const verdict = found.verdict as Verdict
  const won = updatedCount(await checks.where({ _id: traceId, state: _.in(['pending', 'early']) }).update({ data: { state: verdict } }))
  if (won !== 1) return false
  const target = db.collection(str(found.collection)).where({ _id: str(found.docId) })
  const fileId = str(found.fileId)
  if (verdict === 'passed') {
    await target.update({ data: { pendingMedia: _.pull(fileId) } })
    return true
  }
  const doc = ((await target.get()) as { data: Doc[] }).data[0]
  const field = str(found.field)
  const held = valueAt(doc, field)
  const removal: Doc = { pendingMedia: _.pull(fileId) }
  if (Array.isArray(held)) removal[field] = _.pull(fileId)
  else if (held === fileId) removal[field] = null
  if (doc) await target.update({ data: removal })
  await deleteFiles([fileId])
  const author = str(found.author)
  if (author) {
    await notify(
      {
        to: author,
        title: '图片未通过审核',
        text: '你上传的一张图片没有通过内容安全检查，已经删除。文字内容不受影响，可以换一张重新上传。',
        page: 'pages/me/index',
      },
      now,
    )
  }
  return true
}

function valueAt(doc: Doc | undefined, path: string): unknown {
  let v: unknown = doc
  for (const part of path.split('.')) v = v && typeof v === 'object' ? (v as Doc)[part] : undefined
  return v
}

/** The files of `field` that others may see: those whose check has passed. The author sees their own pending ones. */
export function visibleFiles(doc: Doc, field: string, viewer?: { openid: string; author: string }): string[] {
  const held = valueAt(doc, field)
  const files = Array.isArray(held) ? strings(held) : typeof held === 'string' && held ? [held] : []
  if (viewer?.openid && viewer.openid === viewer.author) return files
  const pending = new Set(strings(doc.pendingMedia))
  return files.filter((f) => !pending.has(f))
}
