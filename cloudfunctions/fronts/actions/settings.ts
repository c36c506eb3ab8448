/**
 * The micro-front's settings, kept by the group's liaison: service hours (the first-reply clock runs
 * only inside them), the first-reply target, the notice edit window, the duty and handover
 * checklists. Changes are audited; waiting questions get their due time again under the new rules.
 */
import { groupScope, writeAudit } from '../../_lib/audit'
import { rows } from '../../_lib/cloud'
import { isLiaisonOf } from '../../_lib/guard'
import { actionsOf } from '../../_lib/router'
import { type Doc, str } from '../../_lib/values'
import { cleanKey, deniedIn } from '../access'
import { type FrontSettings, frontsContract } from '../contract'
import { clockOf, startClock } from '../question-model'
import { serviceHoursText, serviceMsBetween } from '../service-clock'
import { type FrontSettingsDoc, frontOf, groupIdOr, groups, mustGroup, questions } from '../store'

const act = actionsOf(frontsContract)

const view = (groupId: string, s: FrontSettingsDoc): FrontSettings => ({
  groupId,
  serviceHours: s.serviceHours,
  serviceHoursText: serviceHoursText(s.serviceHours),
  replyTargetMinutes: s.replyTargetMinutes,
  editWindowMinutes: s.editWindowMinutes,
  dutyChecklist: s.dutyChecklist,
  handoverChecklist: s.handoverChecklist,
})

/** Due times of the waiting questions under new hours or a new target (their clocks keep what they used). */
async function redue(groupId: string, s: FrontSettingsDoc, now: Date): Promise<void> {
  const waiting = await rows(questions().where({ groupId, state: 'waiting' }).limit(1000))
  for (const q of waiting) {
    const c = clockOf(q)
    if (!c.runningSince) continue
    const used = c.spentMs + serviceMsBetween(c.runningSince, now, s.serviceHours)
    await questions()
      .where({ _id: str(q._id), state: 'waiting' })
      .update({ data: startClock(used, now, s.serviceHours, s.replyTargetMinutes) })
  }
}

export const getSettings = act('getSettings', {
  summary: '本群微阵地的设置（联络员）：服务时段、首次回复目标、公告可修改时间、值班和交班清单',
  roles: ['liaison', 'town'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION'],
  scope: (input, { caller }) => isLiaisonOf(caller, groupIdOr(input.groupId, caller.currentGroupId)),
  async handler(input, { caller }) {
    const groupId = groupIdOr(input.groupId, caller.currentGroupId)
    return view(groupId, frontOf(await mustGroup(groupId)).settings)
  },
})

export const updateSettings = act('updateSettings', {
  summary: '联络员修改本群微阵地的设置；等回复的问题按新规则重新算期限；记入本群的变更记录',
  roles: ['liaison', 'town'],
  errors: ['NOT_FOUND'],
  scope: (input, { caller }) => isLiaisonOf(caller, input.groupId),
  onDenied: deniedIn('updateSettings', (p) => cleanKey(p.groupId)),
  async handler(input, { caller, now }) {
    const before = frontOf(await mustGroup(input.groupId)).settings
    const after: FrontSettingsDoc = {
      serviceHours: input.serviceHours ?? before.serviceHours,
      replyTargetMinutes: input.replyTargetMinutes ?? before.replyTargetMinutes,
      editWindowMinutes: input.editWindowMinutes ?? before.editWindowMinutes,
      dutyChecklist: input.dutyChecklist ?? before.dutyChecklist,
      handoverChecklist: input.handoverChecklist ?? before.handoverChecklist,
    }
    const data: Doc = {}
    for (const [k, v] of Object.entries(after)) data[`front.settings.${k}`] = v
    await groups().where({ _id: input.groupId }).update({ data })
    const clockChanged = input.serviceHours !== undefined || input.replyTargetMinutes !== undefined
    if (clockChanged) await redue(input.groupId, after, now)
    await writeAudit(
      {
        actorOpenid: caller.openid,
        action: 'frontSettings',
        scope: groupScope(input.groupId),
        outcome: 'applied',
        before: { ...before } as unknown as Doc,
        after: { ...after } as unknown as Doc,
      },
      now,
    )
    return view(input.groupId, after)
  },
})
