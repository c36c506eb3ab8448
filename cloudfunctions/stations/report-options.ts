/**
 * What a rider can report at a station at an instant (pure: pass `at`, nothing reads the clock).
 * Nothing while the station is closed (暂停开放: nothing is offered, so nothing is broken);
 * 到点没开门 only when its hours say it should be open now — never offered at night and then
 * refused; each offered service's problems otherwise. reportProblem refuses exactly what is not
 * offered here.
 */

import { openState } from '../_domain/hours'
import {
  knownServices,
  type ProblemKind,
  problemLabel,
  type ServiceKey,
  STATION_PROBLEM_LABEL,
  serviceCatalogue,
} from '../_domain/station-services'
import { hoursOf } from '../_domain/station-view'
import { invalid, precondition } from '../_lib/errors'
import type { Doc } from '../_lib/values'
import type { ReportOption } from './contract'

export function reportOptions(station: Doc, at: Date): ReportOption[] {
  const state = openState(hoursOf(station), at)
  if (state.closure) return []
  const offered = new Set(knownServices(station.services))
  const services = serviceCatalogue()
    .filter((c) => offered.has(c.key))
    .flatMap((c) => c.problems.map((p) => ({ service: c.key, kind: p.kind, label: `${c.label}：${p.label}` })))
  return state.openNow ? [{ service: null, kind: 'closed', label: STATION_PROBLEM_LABEL }, ...services] : services
}

/**
 * The badge label of a report the rider may make now; INVALID_ARGUMENT for a service the station
 * does not offer or a kind that service cannot have, FAILED_PRECONDITION for what cannot be
 * reported now (closed station, 到点没开门 outside its hours).
 */
export function reportLabel(station: Doc, report: { service: ServiceKey | null; kind: ProblemKind }, at: Date): string {
  if (report.service && !knownServices(station.services).includes(report.service))
    throw invalid('这个驿站没有这项服务', { field: 'service' })
  const label = problemLabel(report.kind, report.service)
  if (!label) throw invalid('这项服务不能这样反映', { field: 'kind' })
  const state = openState(hoursOf(station), at)
  if (state.closure) throw precondition('驿站暂停开放中，现在不能反映问题')
  if (!report.service && !state.openNow) throw precondition('按开放时间，这个驿站现在本来就不开门；开门时间见驿站详情')
  return label
}
