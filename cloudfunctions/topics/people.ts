/**
 * Who acts on a topic and who may: the caller as a timeline actor (rider, liaison, town), the scope
 * check "liaison of the topic's group, or town" (a topic from no group is the town's), and the
 * group's name and liaison (shown on the topic, told of new and overdue topics).
 */
import type { Caller } from '../_lib/caller'
import { db, row } from '../_lib/cloud'
import { COLLECTION } from '../_lib/collections'
import { isLiaisonOf, isTown } from '../_lib/guard'
import { displayName } from '../_lib/people'
import type { ActionContext } from '../_lib/router'
import { type Doc, str } from '../_lib/values'
import type { Actor } from './lifecycle'
import { topicById } from './store'

export function actorOf(caller: Caller): Actor {
  const role = isTown(caller) ? 'town' : caller.roles.includes('liaison') ? 'liaison' : 'rider'
  const name = caller.profile ? displayName(caller.profile) : role === 'town' ? '镇里' : '骑手朋友'
  return { openid: caller.openid, name, role }
}

/** The liaison of the topic's group, or town (a topic from no group is managed by town only). */
export function canManage(caller: Caller, doc: Doc): boolean {
  const groupId = str(doc.groupId)
  return groupId ? isLiaisonOf(caller, groupId) : isTown(caller)
}

/** Scope of the managers' actions: NOT_FOUND for an unknown topic. */
export async function manageScope(input: { topicId: string }, { caller }: ActionContext): Promise<boolean> {
  return canManage(caller, await topicById(input.topicId, { groupId: true }))
}

export interface GroupInfo {
  id: string
  name: string
  liaisonOpenid: string | null
}

export async function groupInfo(groupId: string | null): Promise<GroupInfo | null> {
  if (!groupId) return null
  const g = await row(db.collection(COLLECTION.groups).where({ _id: groupId }))
  return g ? { id: groupId, name: str(g.name), liaisonOpenid: str(g.liaisonOpenid) || null } : null
}
