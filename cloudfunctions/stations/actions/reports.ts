/**
 * Riders reporting a problem: one open problem per station + service + kind (unique `openKey`),
 * duplicate reports merge (+1 per rider, once); the note passes the content check, the photo must
 * be the rider's own upload for reports and is shown to others only after its content check passes.
 */
import { _, row, rows } from '../../_lib/cloud'
import { COLLECTION } from '../../_lib/collections'
import { checkTexts, recordMediaChecks, startMediaChecks } from '../../_lib/content'
import { conflict } from '../../_lib/errors'
import { assertOwnFiles } from '../../_lib/files'
import { actionsOf } from '../../_lib/router'
import { type Doc, isDuplicateKey, num, str, updatedCount } from '../../_lib/values'
import { type ReportResult, stationsContract } from '../contract'
import { problemView } from '../problem-view'
import { reportLabel } from '../report-options'
import { problems, stationById, stations } from '../store'
import { tellStation } from '../tell'

const act = actionsOf(stationsContract)

interface Filing {
  station: Doc
  service: string | null
  kind: string
  label: string
  note: string
  photo: string | null
  openid: string
  now: Date
}

/** Create the open problem, or add this rider to it; `already` when they are among its reporters. */
async function file(f: Filing): Promise<ReportResult> {
  const stationId = str(f.station._id)
  const openKey = `${stationId}|${f.service ?? '_station'}|${f.kind}`
  const photos = f.photo ? [f.photo] : []
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const data = { stationId, stationName: str(f.station.name), service: f.service, kind: f.kind, label: f.label, openKey }
      const added = (await problems().add({
        data: {
          ...data,
          state: 'open',
          reporters: [f.openid],
          count: 1,
          note: f.note,
          photos,
          pendingMedia: photos,
          createdAt: f.now,
          lastReportedAt: f.now,
        },
      })) as { _id: string }
      const summary = { service: f.service, kind: f.kind, label: f.label, count: 1, confirmed: false }
      await stations()
        .doc(stationId)
        .update({ data: { [`openProblems.${added._id}`]: summary } })
      return { problemId: added._id, outcome: 'created', count: 1 }
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
    }
    const more: Doc = { reporters: _.push([f.openid]), count: _.inc(1), lastReportedAt: f.now }
    if (f.photo) Object.assign(more, { photos: _.push(photos), pendingMedia: _.push(photos) })
    const merged = updatedCount(
      await problems()
        .where({ openKey, reporters: _.nin([f.openid]) })
        .update({ data: more }),
    )
    const existing = await row(problems().where({ openKey }))
    if (!existing) continue // resolved in between: report afresh
    const problemId = str(existing._id)
    if (merged !== 1) return { problemId, outcome: 'already', count: num(existing.count, 1) }
    await stations()
      .doc(stationId)
      .update({ data: { [`openProblems.${problemId}.count`]: _.inc(1) } })
    return { problemId, outcome: 'merged', count: num(existing.count, 1) }
  }
  throw conflict('提交的人太多了，请稍后再试')
}

export const reportProblem = act('reportProblem', {
  summary: '骑手反映问题（到点没开门、微波炉坏了、药品过期、没有水、充电器坏了…，可附照片）；同一未处理问题合并，每人只算一次',
  roles: ['anyone'],
  errors: ['NOT_FOUND', 'FAILED_PRECONDITION', 'CONTENT_REJECTED', 'CONFLICT'],
  async handler(input, { caller, now }) {
    const station = await stationById(input.stationId)
    const label = reportLabel(station, input, now)
    const photo = input.photoFileId ?? null
    const { openid } = caller
    assertOwnFiles([photo], { openid, purpose: 'reports', field: 'photoFileId' })
    await checkTexts({ note: input.note }, { openid, scene: 'comment' })
    const started = photo ? await startMediaChecks([photo], { openid, scene: 'comment' }) : []
    const result = await file({ station, service: input.service, kind: input.kind, label, note: input.note ?? '', photo, openid, now })
    // A rider who had already reported it adds nothing: their photo is not on the record.
    if (result.outcome !== 'already') {
      const target = { collection: COLLECTION.station_problems, id: result.problemId, field: 'photos', author: openid }
      await recordMediaChecks(started, target, now)
    }
    if (result.outcome === 'created') await tellStation(station, label, now)
    return result
  },
})

export const myProblems = act('myProblems', {
  summary: '我反映过的问题和处理结果',
  roles: ['anyone'],
  async handler(_input, { caller }) {
    const list = await rows(problems().where({ reporters: caller.openid }).orderBy('createdAt', 'desc').limit(30))
    return { problems: list.map((p) => problemView(p)) }
  },
})
