/**
 * The catalogue of what a station can offer, with the Chinese label and one-character icon the
 * app shows, and the problems a rider can report about each service. Extensible: add a key here
 * (stations store keys; unknown keys are refused on write and ignored on read).
 * Pure data (no SDK): imported by the stations and home functions; the client gets labels from
 * the answers, never by importing this file.
 */

export const PROBLEM_KINDS = ['closed', 'broken', 'expired', 'empty', 'dirty'] as const
export type ProblemKind = (typeof PROBLEM_KINDS)[number]

export interface ServiceSpec {
  label: string
  /** One character drawn in the round service icon. */
  glyph: string
  /** What a rider can report about this service, with the wording shown on the badge. */
  problems: Partial<Record<ProblemKind, string>>
}

export const STATION_SERVICES = {
  heating: { label: '热饭', glyph: '热', problems: { broken: '微波炉坏了' } },
  medkit: { label: '医药箱', glyph: '药', problems: { expired: '药品过期', empty: '药品用完了' } },
  rest: { label: '休息', glyph: '歇', problems: { closed: '休息区不开放' } },
  restroom: { label: '如厕', glyph: '厕', problems: { broken: '厕所坏了', dirty: '厕所太脏' } },
  water: { label: '饮水', glyph: '水', problems: { empty: '没有水', broken: '饮水机坏了' } },
  phone_charging: { label: '手机充电', glyph: '电', problems: { broken: '充电器坏了' } },
  ebike_charging: { label: '电瓶车充电/换电', glyph: '换', problems: { broken: '充电桩坏了' } },
  aed: { label: 'AED', glyph: '心', problems: { broken: 'AED 故障' } },
  wifi: { label: 'Wi-Fi', glyph: '网', problems: { broken: 'Wi-Fi 连不上' } },
  parcel_storage: { label: '寄存', glyph: '存', problems: { broken: '寄存柜坏了' } },
} as const satisfies Record<string, ServiceSpec>

export type ServiceKey = keyof typeof STATION_SERVICES
export const SERVICE_KEYS = Object.keys(STATION_SERVICES) as [ServiceKey, ...ServiceKey[]]

/** The station itself (not one service): "closed when it should be open". */
export const STATION_PROBLEM_LABEL = '到点没开门'

export function isServiceKey(key: unknown): key is ServiceKey {
  return typeof key === 'string' && Object.hasOwn(STATION_SERVICES, key)
}

export function serviceLabel(key: string): string {
  return isServiceKey(key) ? STATION_SERVICES[key].label : key
}

export function serviceGlyph(key: string): string {
  return isServiceKey(key) ? STATION_SERVICES[key].glyph : '·'
}

/** The badge wording of a problem; null when that kind cannot be reported for that service. */
export function problemLabel(kind: string, service: string | null): string | null {
  if (!service) return kind === 'closed' ? STATION_PROBLEM_LABEL : null
  if (!isServiceKey(service)) return null
  const problems: Partial<Record<string, string>> = STATION_SERVICES[service].problems
  return problems[kind] ?? null
}

/** Known service keys of a stored list, in catalogue order (unknown keys dropped). */
export function knownServices(list: unknown): ServiceKey[] {
  const have = new Set(Array.isArray(list) ? list : [])
  return SERVICE_KEYS.filter((k) => have.has(k))
}

/** The catalogue as the client shows it (filter chips, report form). */
export function serviceCatalogue(): { key: ServiceKey; label: string; glyph: string; problems: { kind: ProblemKind; label: string }[] }[] {
  return SERVICE_KEYS.map((key) => {
    const spec: ServiceSpec = STATION_SERVICES[key]
    return {
      key,
      label: spec.label,
      glyph: spec.glyph,
      problems: (Object.entries(spec.problems) as [ProblemKind, string][]).map(([kind, label]) => ({ kind, label })),
    }
  })
}
