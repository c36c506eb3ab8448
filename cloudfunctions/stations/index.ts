/**
 * stations — 红色加油站 and partner stations: nearest-first list, detail, rider problem reports,
 * QR check-in, and the staff/town console. One router; the actions live in actions/*.ts by area.
 * Actions: listStations, getStation, reportProblem, myProblems, checkIn (anyone);
 *   listManaged, setServiceState, setHours, verifyStation, listProblems, confirmProblem,
 *   resolveProblem, stationStats, issueCheckinCode (station staff of that station, town);
 *   createStation, updateStation, closeStation, reopenStation (town).
 * Guards: report photos only from the rider's own `reports/<openid>/` folder, station photos only
 *   from the caller's `stations/<openid>/` folder or already on the station; photos are shown to
 *   others once their content check passes (verdicts: the contentcheck function); every text
 *   others read passes msgSecCheck; privileged changes are audited with the station's scope.
 * Collections: stations (2dsphere on location), station_problems (openKey unique while open),
 *   station_checkins (one per rider, station and Shanghai hour), media_checks, audit_log,
 *   users, groups (read), notifications.
 * Storage: getTempFileURL (photos), deleteFile (a photo the town removes).
 * Openapi permissions: subscribeMessage.send, security.msgSecCheck, security.mediaCheckAsync.
 * Environment: STATION_CHECKIN_SECRET (≥ 16 chars) signs the printable check-in codes.
 */
import { type ActionTable, createMain } from '../_lib/router'
import { checkIn, issueCheckinCode } from './actions/checkin'
import { listManaged, setHours, setServiceState, verifyStation } from './actions/console'
import { getStation } from './actions/detail'
import { listStations } from './actions/list'
import { confirmProblem, listProblems, resolveProblem } from './actions/problems'
import { myProblems, reportProblem } from './actions/reports'
import { stationStats } from './actions/stats'
import { closeStation, createStation, reopenStation, updateStation } from './actions/town'
import type { stationsContract } from './contract'

export const actions = {
  listStations,
  getStation,
  reportProblem,
  myProblems,
  checkIn,
  listManaged,
  setServiceState,
  setHours,
  verifyStation,
  listProblems,
  confirmProblem,
  resolveProblem,
  stationStats,
  issueCheckinCode,
  createStation,
  updateStation,
  closeStation,
  reopenStation,
} satisfies ActionTable<typeof stationsContract>

export const main = createMain('stations', actions)
