/** Handovers as stored (`duty_handovers`, one per group and incoming start) and shown. */
import { _, row, rows } from '../_lib/cloud'
import { isoShanghai } from '../_lib/time'
import { type Doc, iso, str, strings, strOrNull } from '../_lib/values'
import type { HandoverView } from './contract'
import { handovers } from './store'

export const handoverId = (groupId: string, startAt: Date) => `ho-${groupId}-${startAt.getTime()}`

export function handoverView(h: Doc): HandoverView {
  const items = Array.isArray(h.items) ? (h.items as Doc[]) : []
  const state = h.state === 'handed' || h.state === 'confirmed' ? h.state : 'draft'
  return {
    id: str(h._id),
    groupId: str(h.groupId),
    startAt: iso(h.startAt) ?? isoShanghai(0),
    from: strings(h.fromNames),
    to: strings(h.toNames),
    note: str(h.note),
    items: items.map((i) => ({ text: str(i.text), done: Boolean(i.done) })),
    state,
    handedAt: iso(h.handedAt),
    confirmedAt: iso(h.confirmedAt),
    confirmedBy: strOrNull(h.confirmedByName),
  }
}

export async function handoverById(id: string): Promise<Doc | null> {
  return row(handovers().where({ _id: id }))
}

/** The latest handover handed to a term starting at `start` (written for that start or an earlier one). */
export async function handoverInto(groupId: string, start: Date): Promise<Doc | null> {
  const list = await rows(
    handovers()
      .where({ groupId, startAt: _.lte(start), state: _.in(['handed', 'confirmed']) })
      .orderBy('startAt', 'desc')
      .limit(1),
  )
  return list[0] ?? null
}
