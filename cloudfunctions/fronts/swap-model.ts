/** Swaps between admins as stored (`duty_swaps`) and shown. */
import { isoShanghai } from '../_lib/time'
import { type Doc, iso, str, strOrNull } from '../_lib/values'
import { SWAP_STATES, type SwapItem } from './contract'

type SwapState = (typeof SWAP_STATES)[number]

const spanOf = (v: unknown) => {
  const s = (v ?? {}) as Doc
  return { periodId: str(s.periodId), start: iso(s.start) ?? isoShanghai(0), end: iso(s.end) ?? isoShanghai(0) }
}

export function swapView(s: Doc): SwapItem {
  return {
    id: str(s._id),
    groupId: str(s.groupId),
    state: SWAP_STATES.includes(s.state as SwapState) ? (s.state as SwapState) : 'proposed',
    from: { openid: str(s.fromOpenid), name: str(s.fromName) },
    to: { openid: str(s.toOpenid), name: str(s.toName) },
    give: spanOf(s.give),
    take: s.take ? spanOf(s.take) : null,
    note: strOrNull(s.note),
    reason: strOrNull(s.reason),
    createdAt: iso(s.createdAt) ?? isoShanghai(0),
    decidedAt: iso(s.decidedAt),
  }
}

export const OPEN_SWAP_STATES = ['proposed', 'accepted']
