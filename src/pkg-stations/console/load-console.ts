/** The console's data in one go: my stations, the chosen one's detail, its open problems, its week. */
import type { Envelope } from '@cloud/_lib/envelope'
import type { ManagedStation, ProblemView, StationDetail, StationStats } from '@cloud/stations/contract'
import { getStation, listManaged, listProblems, stationStats } from '@/services/stations/stations'

export interface ConsoleData {
  stations: ManagedStation[]
  isTown: boolean
  station: StationDetail | null
  problems: ProblemView[]
  stats: StationStats | null
}

export async function loadConsole(wanted: string): Promise<Envelope<ConsoleData>> {
  const managed = await listManaged()
  if (!managed.ok) return managed
  const id = managed.data.stations.some((s) => s.id === wanted) ? wanted : (managed.data.stations[0]?.id ?? '')
  if (!id) return { ok: true, data: { ...managed.data, station: null, problems: [], stats: null } }
  const [station, problems, stats] = await Promise.all([getStation(id), listProblems(id), stationStats(id)])
  if (!station.ok) return station
  if (!problems.ok) return problems
  if (!stats.ok) return stats
  return { ok: true, data: { ...managed.data, station: station.data, problems: problems.data.problems, stats: stats.data } }
}
