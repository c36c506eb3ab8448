/**
 * A rider's relation to a topic, kept twice on purpose: the per-person map on the topic document
 * (a conditional update makes each person count once, and the topic page reads "mine" with no second
 * query) and a durable record per rider and topic (unique index), which lists "my followed topics".
 * The record is written first; a crash between the two leaves a record whose map entry is missing,
 * which the next tap repairs (both writes are idempotent).
 */
import { _ } from '../_lib/cloud'
import { isDuplicateKey, updatedCount } from '../_lib/values'
import { personKey, type supports, topics } from './store'
import type { ConsentKey } from './tell'
import { NOTICE_KINDS, type NoticeKind } from './views'

type RecordCollection = ReturnType<typeof supports>

/** The record of (topic, rider) is active; created on the first call (unique index), re-activated after a withdrawal. */
export async function activateRecord(coll: RecordCollection, topicId: string, openid: string, now: Date): Promise<void> {
  try {
    await coll.add({ data: { topicId, openid, active: true, at: now, since: now } })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    await coll.where({ topicId, openid, active: false }).update({ data: { active: true, at: now } })
  }
}

export async function deactivateRecord(coll: RecordCollection, topicId: string, openid: string, now: Date): Promise<void> {
  await coll.where({ topicId, openid, active: true }).update({ data: { active: false, endedAt: now } })
}

export function consentCounts(accepted: readonly ConsentKey[] = []): Record<ConsentKey, number> {
  const c = { progress: 0, session: 0, moderation: 0 }
  for (const k of accepted) c[k] += 1
  return c
}

/** The map entry of a new follower (the author's is written with the topic). */
export function followerEntry(now: Date, accepted: readonly ConsentKey[] = [], kinds: readonly NoticeKind[] = NOTICE_KINDS) {
  return { at: now, kinds: [...kinds], consents: consentCounts(accepted) }
}

/**
 * Follow (counted once in `followerCount`); when already following, add the consents just given and
 * take the new choice of kinds. `counted: false` for the author, who is told anyway.
 */
export async function follow(
  topicId: string,
  openid: string,
  now: Date,
  opts: { accepted?: readonly ConsentKey[]; kinds?: readonly NoticeKind[]; counted: boolean },
): Promise<void> {
  const key = personKey(openid)
  const path = `followers.${key}`
  const added = updatedCount(
    await topics()
      .where({ _id: topicId, [path]: _.exists(false) })
      .update({
        data: { [path]: _.set(followerEntry(now, opts.accepted, opts.kinds)), ...(opts.counted ? { followerCount: _.inc(1) } : {}) },
      }),
  )
  if (added) return
  const more: Record<string, unknown> = {}
  for (const [k, n] of Object.entries(consentCounts(opts.accepted))) if (n) more[`${path}.consents.${k}`] = _.inc(n)
  if (opts.kinds) more[`${path}.kinds`] = _.set([...opts.kinds])
  if (Object.keys(more).length) await topics().where({ _id: topicId }).update({ data: more })
}
