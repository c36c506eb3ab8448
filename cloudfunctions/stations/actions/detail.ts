/** A station's page: what works, hours, photos, problems, my reports, what I can report now. */

import { presentStation } from '../../_domain/station-view'
import type { Caller } from '../../_lib/caller'
import { _, rows } from '../../_lib/cloud'
import { visibleFiles } from '../../_lib/content'
import { tempUrls } from '../../_lib/files'
import { isStationStaff, isTown } from '../../_lib/guard'
import { templateId } from '../../_lib/notify'
import { actionsOf } from '../../_lib/router'
import { isoShanghai } from '../../_lib/time'
import { type Doc, dateOrNull, str, strings, strOrNull } from '../../_lib/values'
import { type StationDetail, stationsContract } from '../contract'
import { hoursView } from '../hours-rules'
import { problemView, problemViews } from '../problem-view'
import { reportOptions } from '../report-options'
import { ACTIVE, problems, ridersThisWeek, stationById } from '../store'

const act = actionsOf(stationsContract)

/** Station photos the caller may see (town: all, also those waiting for their check) and their links. */
async function stationPhotos(doc: Doc, caller: Caller) {
  const town = isTown(caller)
  const ids = town ? strings(doc.photos) : visibleFiles(doc, 'photos')
  const urls = await tempUrls(ids)
  const shown = ids.filter((f) => urls.has(f))
  const pending = new Set(strings(doc.pendingMedia))
  return {
    photos: shown.map((f) => urls.get(f) as string),
    manage: town ? { photoFileIds: shown, pendingFileIds: shown.filter((f) => pending.has(f)), groupId: strOrNull(doc.groupId) } : null,
  }
}

function verified(doc: Doc): StationDetail['lastVerified'] {
  const at = dateOrNull(doc.lastVerifiedAt)
  return at ? { at: isoShanghai(at), by: str(doc.lastVerifiedByName, '驿站工作人员') } : null
}

export const getStation = act('getStation', {
  summary: '驿站详情：各项服务当前状态、开放时间与例外、照片、电话、本周签到人数、待处理问题、我的反映、现在能反映的问题',
  roles: ['anyone'],
  errors: ['NOT_FOUND'],
  async handler({ stationId }, { caller, now }) {
    const doc = await stationById(stationId)
    const [week, active, mine, photos] = await Promise.all([
      ridersThisWeek(stationId, now),
      rows(
        problems()
          .where({ stationId, state: _.in(ACTIVE) })
          .orderBy('createdAt', 'desc')
          .limit(20),
      ),
      rows(problems().where({ stationId, reporters: caller.openid }).orderBy('createdAt', 'desc').limit(5)),
      stationPhotos(doc, caller),
    ])
    const { state, openAtNight: _night, ...view } = presentStation(doc, now, 0)
    return {
      ...view,
      distanceM: 0,
      distanceText: '',
      phone: strOrNull(doc.phone),
      photos: photos.photos,
      capacityNote: strOrNull(doc.capacityNote),
      ...hoursView(doc, now),
      closure: state.closure
        ? { reason: state.closure.reason, until: state.closure.until ? isoShanghai(state.closure.until) : null }
        : null,
      todayNote: state.todayNote,
      lastVerified: verified(doc),
      checkinsThisWeek: week,
      problems: await problemViews(active, caller.openid),
      myReports: mine.map((p) => problemView(p)),
      reportOptions: reportOptions(doc, now),
      canManage: isStationStaff(caller, stationId),
      manage: photos.manage,
      templates: { problemResolved: templateId('stationProblemResolved'), problem: templateId('stationProblem') },
    }
  },
})
