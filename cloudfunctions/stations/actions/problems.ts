/**
 * The staff handling riders' problems at their station: list, confirm, resolve (fixed / dismissed;
 * the reporters are told). Conditional updates: a problem is confirmed or resolved once.
 */
import { _, rows } from '../../_lib/cloud'
import { checkTexts } from '../../_lib/content'
import { precondition } from '../../_lib/errors'
import { actionsOf } from '../../_lib/router'
import { str, updatedCount } from '../../_lib/values'
import { auditStation, deniedOnProblem } from '../audit'
import { stationsContract } from '../contract'
import { problemView, problemViews } from '../problem-view'
import { ACTIVE, problemById, problemScope, problems, stationScope, stations } from '../store'
import { tellReporters } from '../tell'

const act = actionsOf(stationsContract)

export const listProblems = act('listProblems', {
  summary: '本站收到的问题反映（默认只看未处理的）；照片审核通过后才显示',
  roles: ['staff', 'town'],
  scope: stationScope,
  async handler({ stationId, state }, { caller }) {
    const where = state === 'all' ? { stationId } : { stationId, state: _.in(ACTIVE) }
    const list = await rows(problems().where(where).orderBy('createdAt', 'desc').limit(50))
    return { problems: await problemViews(list, caller.openid) }
  },
})

export const confirmProblem = act('confirmProblem', {
  summary: '确认骑手反映的问题属实（服务显示“已确认，处理中”）',
  roles: ['staff', 'town'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION'],
  scope: problemScope,
  onDenied: deniedOnProblem,
  async handler({ problemId }, ctx) {
    const data = { state: 'confirmed', confirmedAt: ctx.now, confirmedBy: ctx.caller.openid }
    const changed = updatedCount(await problems().where({ _id: problemId, state: 'open' }).update({ data }))
    const p = await problemById(problemId)
    if (changed === 1) {
      await stations()
        .doc(str(p.stationId))
        .update({ data: { [`openProblems.${problemId}.confirmed`]: true } })
      await auditStation(ctx, str(p.stationId), { before: { problemId, state: 'open' }, after: { problemId, state: 'confirmed' } })
    } else if (p.state !== 'confirmed') throw precondition('这个问题已经处理完了')
    return problemView(p)
  },
})

export const resolveProblem = act('resolveProblem', {
  summary: '处理完问题：已修好 / 核实无此问题（可附说明，经内容安全检查）；反映的骑手会收到结果',
  roles: ['staff', 'town'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'CONTENT_REJECTED'],
  scope: problemScope,
  onDenied: deniedOnProblem,
  async handler({ problemId, outcome, note }, ctx) {
    await checkTexts({ note }, { openid: ctx.caller.openid, scene: 'comment' })
    const before = await problemById(problemId)
    const data = {
      state: outcome,
      resolvedAt: ctx.now,
      resolvedBy: ctx.caller.openid,
      outcomeNote: note ?? '',
      confirmedAt: before.confirmedAt instanceof Date ? before.confirmedAt : ctx.now,
      // Frees the open-problem key so a new report starts a new problem.
      openKey: `${str(before.openKey)}#${problemId}`,
    }
    if (
      updatedCount(
        await problems()
          .where({ _id: problemId, state: _.in(ACTIVE) })
          .update({ data }),
      ) !== 1
    )
      throw precondition('这个问题已经处理完了')
    const stationId = str(before.stationId)
    await stations()
      .doc(stationId)
      .update({ data: { [`openProblems.${problemId}`]: _.remove() } })
    const after = await problemById(problemId)
    await auditStation(ctx, stationId, {
      before: { problemId, state: before.state },
      after: { problemId, state: outcome },
      note: note ?? null,
    })
    await tellReporters(after, outcome, note, ctx.now)
    return problemView(after)
  },
})
