/**
 * A rider's problem report as people see it: the state in Chinese and the first photo the viewer
 * may see — a photo is shown to others only once its content check has passed; the rider who took
 * it sees it while it waits (their own folder `reports/<openid>/` says whose it is).
 */

import { isServiceKey, PROBLEM_KINDS, type ProblemKind } from '../_domain/station-services'
import { visibleFiles } from '../_lib/content'
import { isOwnUpload, tempUrls } from '../_lib/files'
import { isoShanghai } from '../_lib/time'
import { type Doc, iso, num, str, strings, strOrNull } from '../_lib/values'
import type { ProblemView } from './contract'

const STATE_TEXT: Record<ProblemView['state'], string> = {
  open: '待确认',
  confirmed: '已确认，处理中',
  fixed: '已修好',
  dismissed: '经核实无此问题',
}

const isState = (v: unknown): v is ProblemView['state'] => typeof v === 'string' && Object.hasOwn(STATE_TEXT, v)
const isKind = (v: unknown): v is ProblemKind => (PROBLEM_KINDS as readonly unknown[]).includes(v)

export function problemView(p: Doc, photoUrl: string | null = null): ProblemView {
  const state = isState(p.state) ? p.state : 'open'
  return {
    id: str(p._id),
    stationId: str(p.stationId),
    stationName: str(p.stationName),
    service: isServiceKey(p.service) ? p.service : null,
    kind: isKind(p.kind) ? p.kind : 'broken',
    label: str(p.label),
    state,
    stateText: STATE_TEXT[state],
    count: num(p.count, 1),
    note: strOrNull(p.note),
    photoUrl,
    createdAt: iso(p.createdAt) ?? isoShanghai(0),
    confirmedAt: iso(p.confirmedAt),
    resolvedAt: iso(p.resolvedAt),
    outcomeNote: strOrNull(p.outcomeNote),
  }
}

/** The first photo of the problem that `viewer` may see, or null. */
export function problemPhoto(p: Doc, viewer: string): string | null {
  const passed = new Set(visibleFiles(p, 'photos'))
  return strings(p.photos).find((f) => passed.has(f) || isOwnUpload(f, viewer, 'reports')) ?? null
}

/** Problems with the photo links `viewer` may see (one getTempFileURL for the list). */
export async function problemViews(list: Doc[], viewer: string): Promise<ProblemView[]> {
  const photos = list.map((p) => problemPhoto(p, viewer))
  const urls = await tempUrls(photos)
  return list.map((p, i) => problemView(p, urls.get(photos[i] ?? '') ?? null))
}
