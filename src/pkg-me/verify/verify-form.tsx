/** The request itself: work type, platform, badge photo; submit asks for the result message first. */
import type { GroupSummary, MeData } from '@cloud/users/contract'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import Card from '@/components/card'
import PrivacyPopup from '@/components/privacy-popup'
import { requestVerification, type WorkType } from '@/services/users'
import { askSubscribe } from '@/services/users/subscribe'
import WorkFields from '../components/work-fields'
import PhotoField, { type Photo } from './photo-field'

/** Mounted once the profile is here, fields initialised from it (see pkg-me/profile on H5 Input). */
export default function VerifyForm({ me, group, onSent }: { me: MeData; group: GroupSummary; onSent: () => void }) {
  const [workType, setWorkType] = useState<WorkType | null>(me.workType)
  const [platform, setPlatform] = useState(me.platform ?? '')
  const [photo, setPhoto] = useState<Photo | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function submit() {
    setError(null)
    if (!workType) return setError('请选择工作类型')
    if (!platform.trim()) return setError('请填写平台或公司')
    if (!photo?.fileId) return setError('请拍一张工牌或接单页的照片')
    // must run inside the tap: WeChat only shows the subscribe dialog for a user gesture
    await askSubscribe([me.templates.verificationResult])
    setBusy(true)
    const r = await requestVerification({ workType, platform: platform.trim(), photoFileId: photo.fileId, groupId: group.id })
    setBusy(false)
    if (!r.ok) return setError(r.error.message)
    await Taro.showToast({ title: '已提交', icon: 'success' })
    onSent()
  }

  const lastReason = me.verification.state === 'rejected' && me.verification.reason ? `上次未通过：${me.verification.reason}` : ''
  return (
    <>
      <PrivacyPopup />
      <View className="page__body">
        <View className="page-lead">
          <Text className="page-lead__title">认证成为小哥</Text>
          <Text className="page-lead__text">
            由“{group.name}”的联络员审核。照片只有联络员能看，审核后即删除。{lastReason}
          </Text>
        </View>
        <Card>
          <WorkFields
            workType={workType}
            onWorkType={setWorkType}
            platform={platform}
            onPlatform={setPlatform}
            platformClass="verify__platform"
          />
          <PhotoField photo={photo} onPhoto={setPhoto} onError={setError} onBusy={setBusy} />
          {error ? <Text className="form-error">{error}</Text> : null}
          <Button
            className="button-primary form-submit verify__submit"
            hoverClass="button-primary--hover"
            disabled={busy ? true : undefined}
            onClick={() => void submit()}
          >
            {busy ? '请稍候…' : '提交认证'}
          </Button>
        </Card>
      </View>
    </>
  )
}
