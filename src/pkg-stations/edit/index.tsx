/**
 * 驿站资料 (town): create a station, or edit name, type, address, location, services, phone,
 * capacity note, photos (up to 6; a removed one is deleted from storage when saved), the group
 * (微阵地) whose liaison is told of problems, and hours. `?stationId=` edits; without it, creates. The server validates
 * everything again (coordinates in range, known services, hours that do not overlap).
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/api/location/wx.chooseLocation.html  ·
 *       https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.chooseImage.html
 */

import type { Provider, ServiceKey, StationDetail } from '@cloud/stations/contract'
import { Button, Image, Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import Card from '@/components/card'
import SectionHeader from '@/components/section-header'
import StateView from '@/components/state-view'
import { createStation, getStation, listCatalogue, listStationGroups, updateStation } from '@/services/stations/stations'
import { uploadImage } from '@/services/storage/upload-image'
import HoursEditor from '../console/hours-editor'
import '../console/index.scss'
import './index.scss'
import PrivacyPopup from '@/components/privacy-popup'

const PROVIDERS: { key: Provider; label: string }[] = [
  { key: 'town', label: '红色加油站' },
  { key: 'union', label: '工会驿站' },
  { key: 'partner_shop', label: '合作商户' },
  { key: 'store_24h', label: '24 小时便利店' },
]

// `disabled={false}` would render disabled="false" on H5, which Taro's button CSS greys out: pass undefined instead.

/** The contract's MAX_STATION_PHOTOS (the client imports the contract's types only); the server checks it again. */
const MAX_STATION_PHOTOS = 6

interface Form {
  name: string
  provider: Provider
  address: string
  lat: string
  lng: string
  services: ServiceKey[]
  phone: string
  capacityNote: string
  /** fileId + what to show (the temp URL of a saved photo, the local path of a new one). */
  photos: { fileId: string; src: string }[]
  groupId: string | null
}

interface GroupOption {
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
  return {
    name: d.name,
    provider: d.provider,
    address: d.address,
    lat: String(d.location.lat),
    lng: String(d.location.lng),
    services: d.services.map((s) => s.key),
    phone: d.phone ?? '',
    capacityNote: d.capacityNote ?? '',
    photos: (d.manage?.photoFileIds ?? []).map((fileId, i) => ({ fileId, src: d.photos[i] ?? '' })),
    groupId: d.manage?.groupId ?? null,
  }
}

export default function EditStationPage() {
  const { params } = useRouter()
  const stationId = params.stationId ?? ''
  const [form, setForm] = useState<Form | null>(stationId ? null : EMPTY)
  const [detail, setDetail] = useState<StationDetail | null>(null)
  const [catalogue, setCatalogue] = useState<{ key: ServiceKey; label: string }[]>([])
  const [groups, setGroups] = useState<GroupOption[]>([])
  const [uploading, setUploading] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    void listCatalogue().then((c) => (c.ok ? setCatalogue(c.data) : setError(c.error.message)))
    void listStationGroups().then((g) => (g.ok ? setGroups(g.data.groups) : undefined))
    if (stationId)
      void getStation(stationId).then((r) => {
        if (r.ok) {
          setDetail(r.data)
          setForm(fromDetail(r.data))
        } else setError(r.error.message)
      })
  }, [stationId])

  if (error) return <StateView kind="error" description={error} onAction={() => Taro.navigateBack()} actionText="返回" />
  if (!form) return <StateView kind="loading" />
  const set = (p: Partial<Form>) => setForm({ ...form, ...p })
  const room = MAX_STATION_PHOTOS - form.photos.length

  async function addPhotos() {
    if (room <= 0 || uploading) return
    let paths: string[]
    try {
      paths = (await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] })).tempFilePaths
    } catch {
      return // cancelled
    }
    setUploading(true)
    const added: Form['photos'] = []
    for (const path of paths.slice(0, room)) {
      const fileId = await uploadImage(path, 'stations').catch(() => null)
      if (fileId) added.push({ fileId, src: path })
    }
    setUploading(false)
    if (added.length < Math.min(paths.length, room))
      void Taro.showToast({ title: `${Math.min(paths.length, room) - added.length} 张照片没有传上去，请重试`, icon: 'none' })
    setForm((f) => (f ? { ...f, photos: [...f.photos, ...added].slice(0, MAX_STATION_PHOTOS) } : f))
  }

  function removePhoto(fileId: string) {
    setForm((f) => (f ? { ...f, photos: f.photos.filter((p) => p.fileId !== fileId) } : f))
  }

  async function pickLocation() {
    try {
      const r = await Taro.chooseLocation({})
      set({ lat: String(r.latitude), lng: String(r.longitude), address: form?.address || r.address })
    } catch {
      // cancelled or unavailable (H5): type the coordinates
    }
  }

  return (
    <View className="page edit">
      <PrivacyPopup />
      <View className="page__body">
        <Text className="page-lead__title">{stationId ? '编辑驿站资料' : '新建驿站'}</Text>
        <SectionHeader title="基本信息" />
        <Card>
          <Text className="edit__label">名称</Text>
          <Input
            className="hours-editor__input"
            value={form.name}
            maxlength={40}
            placeholder="如：万达广场红色加油站"
            onInput={(e) => set({ name: e.detail.value })}
          />
          <Text className="edit__label">类型</Text>
          <View className="hours-editor__toggles">
            {PROVIDERS.map((p) => (
              <View
                key={p.key}
                className={`hours-editor__toggle${form.provider === p.key ? ' hours-editor__toggle--on' : ''}`}
                onClick={() => set({ provider: p.key })}
              >
                <Text>{p.label}</Text>
              </View>
            ))}
          </View>
          <Text className="edit__label">地址</Text>
          <Input
            className="hours-editor__input"
            value={form.address}
            maxlength={80}
            placeholder="街道门牌"
            onInput={(e) => set({ address: e.detail.value })}
          />
          <Text className="edit__label">位置（纬度、经度）</Text>
          <View className="edit__coords">
            <Input
              className="hours-editor__input edit__coord"
              type="digit"
              value={form.lat}
              placeholder="31.1168"
              onInput={(e) => set({ lat: e.detail.value })}
            />
            <Input
              className="hours-editor__input edit__coord"
              type="digit"
              value={form.lng}
              placeholder="121.5746"
              onInput={(e) => set({ lng: e.detail.value })}
            />
          </View>
          {process.env.TARO_ENV === 'weapp' ? (
            <Button className="button-secondary console__wide" hoverClass="button-secondary--hover" onClick={() => void pickLocation()}>
              在地图上选点
            </Button>
          ) : null}
          <Text className="edit__label">电话（可不填）</Text>
          <Input
            className="hours-editor__input"
            type="number"
            value={form.phone}
            maxlength={20}
            onInput={(e) => set({ phone: e.detail.value })}
          />
          <Text className="edit__label">容纳说明（可不填）</Text>
          <Input
            className="hours-editor__input"
            value={form.capacityNote}
            maxlength={60}
            placeholder="如：室内 12 个座位"
            onInput={(e) => set({ capacityNote: e.detail.value })}
          />
        </Card>
        <SectionHeader title={`照片（${form.photos.length}/${MAX_STATION_PHOTOS}）`} />
        <Card>
          {form.photos.length ? (
            <View className="edit__photos">
              {form.photos.map((p, i) => (
                <View key={p.fileId} className="edit__photo-cell">
                  <Image className="edit__photo" src={p.src} mode="aspectFill" />
                  <View className="edit__photo-remove" hoverClass="edit__photo-remove--pressed" onClick={() => removePhoto(p.fileId)}>
                    <Text>删除第 {i + 1} 张</Text>
                  </View>
                </View>
              ))}
            </View>
          ) : (
            <Text className="edit__hint">还没有照片。门头、室内各拍一张，小哥更好找。</Text>
          )}
          <Button
            className="button-secondary console__wide"
            hoverClass="button-secondary--hover"
            disabled={room <= 0 || uploading || undefined}
            onClick={() => void addPhotos()}
          >
            {uploading ? '正在上传…' : room > 0 ? `添加照片（还可加 ${room} 张）` : `最多 ${MAX_STATION_PHOTOS} 张照片`}
          </Button>
          {stationId ? <Text className="edit__hint">删除的照片在保存后从存储中删除。</Text> : null}
        </Card>
        <SectionHeader title="所属微阵地（有问题时通知它的联络员）" />
        <Card>
          <View className="edit__groups">
            {[{ id: '', name: '不指定', liaisonName: null } as GroupOption, ...groups].map((g) => {
              const on = (form.groupId ?? '') === g.id
              return (
                <View
                  key={g.id || 'none'}
                  className={`edit__group${on ? ' edit__group--on' : ''}`}
                  hoverClass="edit__group--pressed"
                  onClick={() => set({ groupId: g.id || null })}
                >
                  <Text className="edit__group-name">{g.name}</Text>
                  {g.id ? <Text className="edit__group-meta">联络员：{g.liaisonName ?? '暂无'}</Text> : null}
                </View>
              )
            })}
          </View>
        </Card>
        <SectionHeader title="提供的服务" />
        <Card>
          <View className="hours-editor__toggles">
            {catalogue.map((c) => {
              const on = form.services.includes(c.key)
              return (
                <View
                  key={c.key}
                  className={`hours-editor__toggle${on ? ' hours-editor__toggle--on' : ''}`}
                  onClick={() => set({ services: on ? form.services.filter((k) => k !== c.key) : [...form.services, c.key] })}
                >
                  <Text>{c.label}</Text>
                </View>
              )
            })}
          </View>
        </Card>
        <SectionHeader title="开放时间" />
        <Card>
          <HoursEditor
            hours={detail?.hours ?? [{ days: [1, 2, 3, 4, 5, 6, 7], open: '08:00', close: '21:00' }]}
            exceptions={detail?.exceptions ?? []}
            saveText={stationId ? '保存驿站资料' : '新建驿站'}
            onSave={async (hours, exceptions) => {
              const lat = Number(form.lat)
              const lng = Number(form.lng)
              const fields = {
                name: form.name.trim(),
                provider: form.provider,
                address: form.address.trim(),
                location: { lat, lng },
                services: form.services,
                hours,
                exceptions,
                ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
                ...(form.capacityNote.trim() ? { capacityNote: form.capacityNote.trim() } : {}),
                photos: form.photos.map((p) => p.fileId),
              }
              const r = stationId
                ? await updateStation({ stationId, ...fields, groupId: form.groupId })
                : await createStation({ ...fields, ...(form.groupId ? { groupId: form.groupId } : {}) })
              if (!r.ok) {
                void Taro.showModal({ title: '没有保存', content: r.error.message, showCancel: false, confirmText: '知道了' })
                return
              }
              void Taro.showToast({ title: '已保存', icon: 'success' })
              const id = 'stationId' in r.data ? r.data.stationId : stationId
              void Taro.redirectTo({ url: `/pkg-stations/console/index?stationId=${id}` })
            }}
          />
        </Card>
      </View>
    </View>
  )
}
