/**
 * Swaps between admins: one admin offers a coming term of theirs to another admin of the group (in
 * exchange for one of theirs, or as a stand-in); the other accepts; the liaison approves, and only
 * then do the periods move — in one transaction that checks overlaps again — audited in the group.
 */

import { addPeriodTx, removePeriodTx } from '../../_domain/front-duty'
import { groupScope, writeAudit } from '../../_lib/audit'
import { _, row, rows } from '../../_lib/cloud'
import { checkTexts } from '../../_lib/content'
import { type DutyPeriod, dutyPeriodsOf, overlaps } from '../../_lib/duty'
import { conflict, notFound, precondition } from '../../_lib/errors'
import { isAdminOf, isLiaisonOf } from '../../_lib/guard'
import { newId } from '../../_lib/ids'
import { displayName, isVerified } from '../../_lib/people'
import { actionsOf } from '../../_lib/router'
import { inTransaction } from '../../_lib/transaction'
import { type Doc, str, strings, updatedCount } from '../../_lib/values'
import { frontsContract } from '../contract'
import { mustGroup, swaps, users } from '../store'
import { OPEN_SWAP_STATES, swapView } from '../swap-model'
import { ROSTER_PAGE, TERM_PAGE, tellAdmin, tellInApp } from '../tell'

const act = actionsOf(frontsContract)

async function mustSwap(swapId: string): Promise<Doc> {
  const s = await row(swaps().where({ _id: swapId }))
  if (!s) throw notFound('没有找到这个换班')
  return s
}

const spanDoc = (p: DutyPeriod) => ({ periodId: p.id, start: p.start, end: p.end })
const future = (p: DutyPeriod | undefined, now: Date) => Boolean(p && p.start.getTime() > now.getTime())

/** Would these periods still fit their new owners (no overlap with the rest of each one's periods in the group)? */
function fits(periods: DutyPeriod[], taking: DutyPeriod | undefined, giving: DutyPeriod | undefined): boolean {
  return !taking || !periods.some((p) => p.groupId === taking.groupId && p.id !== giving?.id && overlaps(p, taking))
}

export const requestSwap = act('requestSwap', {
  summary: '轮值管理员请本群另一位管理员换班（换对方的一班）或代班；对方同意、联络员批准后才生效；已经开始的班不能换',
  roles: ['admin'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'CONFLICT', 'CONTENT_REJECTED'],
  async handler(input, { caller, now }) {
    const give = caller.dutyPeriods.find((p) => p.id === input.periodId)
    if (!give || !isAdminOf(caller, give.groupId)) throw notFound('没有找到你的这一班')
    if (!future(give, now)) throw precondition('已经开始的班不能换，请直接联系联络员')
    if (input.toOpenid === caller.openid) throw precondition('请选另一位管理员')
    const other = await row(users().where({ _id: input.toOpenid }))
    if (
      !other ||
      other.deletedAt ||
      !isVerified(other) ||
      !strings(other.roles).includes('admin') ||
      !strings(other.adminOf).includes(give.groupId)
    )
      throw precondition('对方不是本群的轮值管理员')
    const theirs = dutyPeriodsOf(other)
    const take = input.theirPeriodId ? theirs.find((p) => p.id === input.theirPeriodId && p.groupId === give.groupId) : undefined
    if (input.theirPeriodId && !take) throw notFound('没有找到对方的这一班')
    if (take && !future(take, now)) throw precondition('对方那一班已经开始了，不能换')
    if (!fits(theirs, give, take) || !fits(caller.dutyPeriods, take, give)) throw precondition('换了以后时间会和已有的班重叠')
    const busy = await rows(
      swaps()
        .where(
          _.and([
            { state: _.in(OPEN_SWAP_STATES) },
            _.or([{ 'give.periodId': _.in([give.id, take?.id ?? give.id]) }, { 'take.periodId': _.in([give.id, take?.id ?? give.id]) }]),
          ]),
        )
        .limit(1),
    )
    if (busy.length) throw conflict('这一班已经在换班中了')
    if (input.note) await checkTexts({ note: input.note }, { openid: caller.openid, scene: 'comment' })
    const doc: Doc = {
      _id: newId('sw-'),
      groupId: give.groupId,
      state: 'proposed',
      fromOpenid: caller.openid,
      fromName: displayName(caller.profile),
      toOpenid: input.toOpenid,
      toName: displayName(other),
      give: spanDoc(give),
      take: take ? spanDoc(take) : null,
      note: input.note ?? null,
      reason: null,
      createdAt: now,
      decidedAt: null,
    }
    await swaps().add({ data: doc })
    const what = take ? '想和你换班' : '想请你代班'
    await tellInApp(input.toOpenid, '换班请求', `${doc.fromName}${what}，请在「我的值班」里回复`, TERM_PAGE, now)
    return swapView(doc)
  },
})

export const respondSwap = act('respondSwap', {
  summary: '被请求换班的管理员同意或不同意；同意后等联络员批准',
  roles: ['admin'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION'],
  async handler(input, { caller, now }) {
    const s = await mustSwap(input.swapId)
    if (str(s.toOpenid) !== caller.openid) throw notFound('没有找到这个换班')
    const state = input.accept ? 'accepted' : 'declined'
    const res = await swaps()
      .where({ _id: input.swapId, state: 'proposed' })
      .update({ data: { state, respondedAt: now } })
    if (updatedCount(res) !== 1) throw precondition('这个换班已经处理过了')
    const name = displayName(caller.profile)
    await tellInApp(str(s.fromOpenid), '换班回复', `${name}${input.accept ? '同意了换班，等联络员批准' : '没有同意换班'}`, TERM_PAGE, now)
    if (input.accept) {
      const group = await mustGroup(str(s.groupId))
      const liaison = str(group.liaisonOpenid)
      if (liaison)
        await tellInApp(
          liaison,
          '换班待批准',
          `${str(s.fromName)}和${name}要换班，请在值班表里批准`,
          `${ROSTER_PAGE}?groupId=${str(s.groupId)}`,
          now,
        )
    }
    return swapView(await mustSwap(input.swapId))
  },
})

/** Move the periods of an approved swap: all in one transaction, overlaps checked again. */
async function applySwap(s: Doc, actor: string, now: Date): Promise<void> {
  const from = str(s.fromOpenid)
  const to = str(s.toOpenid)
  const giveId = str((s.give as Doc).periodId)
  const takeId = s.take ? str((s.take as Doc).periodId) : null
  const by = { actorOpenid: actor, action: 'dutySwap', note: str(s._id) }
  await inTransaction(async (t) => {
    const gave = await removePeriodTx(t, from, giveId, by, now)
    const took = takeId ? await removePeriodTx(t, to, takeId, by, now) : null
    if (!gave || (takeId && !took)) throw precondition('要换的班已经变了，请重新发起换班')
    if ((await addPeriodTx(t, to, gave, by, now)) === 'overlap') throw precondition('换了以后时间会和已有的班重叠')
    if (took && (await addPeriodTx(t, from, took, by, now)) === 'overlap') throw precondition('换了以后时间会和已有的班重叠')
  })
}

export const decideSwap = act('decideSwap', {
  summary: '联络员批准或不批准一个双方都同意的换班；批准后值班表随即改变，双方收到通知；记入本群的变更记录',
  roles: ['liaison', 'town'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'CONTENT_REJECTED'],
  scope: async (input, { caller }) => isLiaisonOf(caller, str((await mustSwap(input.swapId)).groupId)),
  async handler(input, { caller, now }) {
    const s = await mustSwap(input.swapId)
    if (s.state === 'proposed') throw precondition('对方还没同意这个换班')
    if (s.state !== 'accepted') throw precondition('这个换班已经处理过了')
    if (!input.approve && input.reason) await checkTexts({ reason: input.reason }, { openid: caller.openid, scene: 'comment' })
    const res = await swaps()
      .where({ _id: input.swapId, state: 'accepted' })
      .update({
        data: { state: input.approve ? 'approved' : 'rejected', reason: input.reason ?? null, decidedAt: now, decidedBy: caller.openid },
      })
    if (updatedCount(res) !== 1) throw precondition('这个换班已经处理过了')
    if (input.approve) {
      try {
        await applySwap(s, caller.openid, now)
      } catch (err) {
        await swaps()
          .where({ _id: input.swapId })
          .update({ data: { state: 'accepted', decidedAt: null, decidedBy: null } })
        throw err
      }
    } else {
      await writeAudit(
        {
          actorOpenid: caller.openid,
          action: 'dutySwapReject',
          scope: groupScope(str(s.groupId)),
          outcome: 'applied',
          note: input.reason ?? null,
        },
        now,
      )
    }
    const group = await mustGroup(str(s.groupId))
    const give = s.give as Doc
    for (const openid of [str(s.fromOpenid), str(s.toOpenid)]) {
      if (input.approve)
        await tellAdmin(
          openid,
          str(group.name),
          give.start as Date,
          '换班已批准',
          `${str(s.fromName)}和${str(s.toName)}的换班已批准，值班表已更新`,
          now,
        )
      else await tellInApp(openid, '换班未批准', `联络员没有批准这次换班${input.reason ? `：${input.reason}` : ''}`, TERM_PAGE, now)
    }
    return swapView(await mustSwap(input.swapId))
  },
})

export const cancelSwap = act('cancelSwap', {
  summary: '发起人在批准前取消换班',
  roles: ['admin'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION'],
  async handler(input, { caller, now }) {
    const s = await mustSwap(input.swapId)
    if (str(s.fromOpenid) !== caller.openid) throw notFound('没有找到这个换班')
    const res = await swaps()
      .where({ _id: input.swapId, state: _.in(OPEN_SWAP_STATES) })
      .update({ data: { state: 'cancelled', decidedAt: now } })
    if (updatedCount(res) !== 1) throw precondition('这个换班已经处理过了')
    if (s.state === 'accepted') await tellInApp(str(s.toOpenid), '换班已取消', `${str(s.fromName)}取消了换班`, TERM_PAGE, now)
    return swapView(await mustSwap(input.swapId))
  },
})
