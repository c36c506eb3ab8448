/**
 * The station form: its fields, filled from the station's detail (edit) or empty (new), its group
 * choices, and the call that saves it. The phone is text (021-58110000 keeps its dash); an emptied
 * phone or capacity note is cleared on the server.
 */
import type { HoursException, Provider, ServiceKey, StationDetail, WeeklyHours } from '@cloud/stations/contract'
import { useEffect, useState } from 'react'
import { createStation, getStation, listCatalogue, listStationGroups, updateStation } from '@/services/stations/stations'

export interface FormPhoto {
  fileId: string
  /** what to show: the link of a saved photo, the local path of a new one */
  src: string
  /** still waiting for its content check (riders do not see it yet) */
  pending: boolean
}

export interface Form {
  name: string
  provider: Provider
  address: string
  lat: string
  lng: string
  services: ServiceKey[]
  phone: string
  capacityNote: string
  photos: FormPhoto[]
  groupId: string | null
}

export interface GroupOption {
  id: string
  name: string
  liaisonName: string | null
}

const EMPTY: Form = {
  name: '',
  provider: 'town',
  address: '',
  lat: '',
  lng: '',
  services: [],
  phone: '',
  capacityNote: '',
  photos: [],
  groupId: null,
}

function fromDetail(d: StationDetail): Form {
  const pending = new Set(d.manage?.pendingFileIds ?? [])
  return {
    name: d.name,
    provider: d.provider,
    address: d.address,
    lat: String(d.location.lat),
    lng: String(d.location.lng),
    services: d.services.map((s) => s.key),
    phone: d.phone ?? '',
    capacityNote: d.capacityNote ?? '',
    photos: (d.manage?.photoFileIds ?? []).map((fileId, i) => ({ fileId, src: d.photos[i] ?? '', pending: pending.has(fileId) })),
    groupId: d.manage?.groupId ?? null,
  }
}

/** Load what the form needs; `form` is null while the station is loading. */
export function useStationForm(stationId: string) {
  const [form, setForm] = useState<Form | null>(stationId ? null : EMPTY)
  const [detail, setDetail] = useState<StationDetail | null>(null)
  const [catalogue, setCatalogue] = useState<{ key: ServiceKey; label: string }[]>([])
  const [groups, setGroups] = useState<GroupOption[]>([])
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    void listCatalogue().then((c) => (c.ok ? setCatalogue(c.data) : setError(c.error.message)))
    void listStationGroups().then((g) => (g.ok ? setGroups(g.data.groups) : undefined))
    if (!stationId) return
    void getStation(stationId).then((r) => {
      if (!r.ok) return setError(r.error.message)
      setDetail(r.data)
      setForm(fromDetail(r.data))
    })
  }, [stationId])
  return { form, setForm, detail, catalogue, groups, error }
}

/** Save the form with these hours: update `stationId`, or create a new station. Answers the station id. */
export async function saveStation(stationId: string, form: Form, hours: WeeklyHours[], exceptions: HoursException[]) {
  const fields = {
    name: form.name.trim(),
    provider: form.provider,
    address: form.address.trim(),
    location: { lat: Number(form.lat), lng: Number(form.lng) },
    services: form.services,
    hours,
    exceptions,
    photos: form.photos.map((p) => p.fileId),
  }
  const phone = form.phone.trim()
  const capacityNote = form.capacityNote.trim()
  if (stationId) {
    const r = await updateStation({ stationId, ...fields, phone: phone || null, capacityNote, groupId: form.groupId })
    return r.ok ? { ok: true as const, stationId } : r
  }
  const r = await createStation({
    ...fields,
    ...(phone ? { phone } : {}),
    ...(capacityNote ? { capacityNote } : {}),
    ...(form.groupId ? { groupId: form.groupId } : {}),
  })
  return r.ok ? { ok: true as const, stationId: r.data.stationId } : r
}
