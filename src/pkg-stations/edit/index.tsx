/**
 * 驿站资料 (town): create a station, or edit name, type, address, location, services, phone (text),
 * capacity note, photos (up to 6; a new one shown to riders once it passes its content check; a
 * removed one deleted from storage when saved), the group (微阵地) whose liaison is told of problems,
 * and hours. `?stationId=` edits; without it, creates. The server validates everything again.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/api/location/wx.chooseLocation.html
 */
import type { HoursException, WeeklyHours } from '@cloud/stations/contract'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import Card from '@/components/card'
import ChipPicker from '@/components/chip-picker'
import PrivacyPopup from '@/components/privacy-popup'
import SectionHeader from '@/components/section-header'
import StateView from '@/components/state-view'
import HoursEditor from '../hours-editor'
import BasicsFields from './basics-fields'
import GroupField from './group-field'
import PhotosField, { MAX_STATION_PHOTOS } from './photos-field'
import { type Form, saveStation, useStationForm } from './station-form'
import './index.scss'

const DEFAULT_HOURS: WeeklyHours[] = [{ days: [1, 2, 3, 4, 5, 6, 7], open: '08:00', close: '21:00' }]

export default function EditStationPage() {
  const stationId = useRouter().params.stationId ?? ''
  const { form, setForm, detail, catalogue, groups, error } = useStationForm(stationId)
  if (error) return <StateView kind="error" description={error} onAction={() => Taro.navigateBack()} actionText="返回" />
  if (!form) return <StateView kind="loading" />
  const set = (p: Partial<Form>) => setForm((f) => (f ? { ...f, ...p } : f))
  const toggleService = (key: Form['services'][number]) =>
    set({ services: form.services.includes(key) ? form.services.filter((k) => k !== key) : [...form.services, key] })

  async function save(hours: WeeklyHours[], exceptions: HoursException[]) {
    if (!form) return
    const r = await saveStation(stationId, form, hours, exceptions)
    if (!r.ok) return void Taro.showModal({ title: '没有保存', content: r.error.message, showCancel: false, confirmText: '知道了' })
    void Taro.showToast({ title: '已保存', icon: 'success' })
    void Taro.redirectTo({ url: `/pkg-stations/console/index?stationId=${r.stationId}` })
  }

  return (
    <View className="page edit">
      <PrivacyPopup />
      <View className="page__body">
        <Text className="page-lead__title">{stationId ? '编辑驿站资料' : '新建驿站'}</Text>
        <SectionHeader title="基本信息" />
        <Card>
          <BasicsFields form={form} set={set} />
        </Card>
        <SectionHeader title={`照片（${form.photos.length}/${MAX_STATION_PHOTOS}）`} />
        <Card>
          <PhotosField photos={form.photos} onChange={(photos) => set({ photos })} editing={Boolean(stationId)} />
        </Card>
        <SectionHeader title="所属微阵地" />
        <Card>
          <Text className="form-hint edit__group-hint">有小哥反映问题时，通知这个群的联络员。</Text>
          <GroupField groups={groups} groupId={form.groupId} onPick={(groupId) => set({ groupId })} />
        </Card>
        <SectionHeader title="提供的服务" />
        <Card>
          <ChipPicker options={catalogue} selected={form.services} onPick={toggleService} className="edit__services" />
        </Card>
        <SectionHeader title="开放时间" />
        <Card>
          <HoursEditor
            hours={detail?.hours ?? DEFAULT_HOURS}
            exceptions={detail?.exceptions ?? []}
            saveText={stationId ? '保存驿站资料' : '新建驿站'}
            onSave={save}
          />
        </Card>
      </View>
    </View>
  )
}
