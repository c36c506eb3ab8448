/**
 * 小哥认证: work type, platform and a photo of a work badge or the app's order screen, sent to the
 * liaison of my current group (users.requestVerification). The result arrives as a subscribe
 * message (asked for on the submit tap) and in 我的. The photo is only seen by the liaison and is
 * deleted after the decision.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.chooseMedia.html
 */
import { Button, Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import Card from '@/components/card'
import PrivacyPopup from '@/components/privacy-popup'
import StateView from '@/components/state-view'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { requirePrivacy } from '@/hooks/use-privacy'
import { useShareCard } from '@/hooks/use-share-card'
import { uploadImage } from '@/services/storage/upload-image'
import { fetchMe, type MeData, requestVerification, type WorkType } from '@/services/users'
import { askSubscribe } from '@/services/users/subscribe'
import './index.scss'
import WorkFields from '../components/work-fields'

export default function VerifyPage() {
  const { state, reload } = useCloudQuery(fetchMe)
  useShareCard('小哥之家：认证后可以预约15元爱心餐', '/pkg-me/verify/index')
  if (state.status === 'loading') return <StateView kind="loading" />
  if (state.status === 'error') return <StateView kind="error" description={state.error.message} onAction={() => void reload()} />
  return <VerifyForm me={state.data} reload={reload} />
}

/** Mounted once the profile is here, fields initialised from it (see pkg-me/profile on H5 Input). */
function VerifyForm({ me, reload }: { me: MeData; reload: () => Promise<void> | void }) {
  const [workType, setWorkType] = useState<WorkType | null>(me.workType)
  const [platform, setPlatform] = useState(me.platform ?? '')
  const [photo, setPhoto] = useState<{ path: string; fileId: string | null } | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const current = me.groups.find((g) => g.current)

  if (me.verification.state === 'approved' || me.verification.state === 'pending') {
    return (
      <View className="page">
        <View className="page__body">
          <Card>
            <Text className="verify__state-title">
              {me.verification.state === 'approved' ? '你已通过认证' : '申请已提交，等待联络员审核'}
            </Text>
            <Text className="verify__state-text">
              {me.verification.state === 'approved'
                ? '可以预约15元爱心餐、发起和支持议题了。'
                : `审核群：${me.verification.groupName ?? current?.name ?? '你的小哥群'}。结果会通过微信通知和“我的”页面告诉你。`}
            </Text>
          </Card>
        </View>
      </View>
    )
  }

  if (!current) {
    return (
      <View className="page">
        <StateView
          kind="empty"
          glyph="群"
          title="请先加入小哥群"
          description="认证由你所在群的联络员审核。请从小哥微信群里点开小程序卡片，或向联络员要邀请链接。"
        />
      </View>
    )
  }

  async function pickPhoto() {
    if (!(await requirePrivacy())) return
    const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['camera', 'album'] }).catch(() => null)
    const path = res?.tempFilePaths?.[0]
    if (!path) return
    setError(null)
    setPhoto({ path, fileId: null })
    setBusy(true)
    try {
      const fileId = await uploadImage(path, 'verification')
      setPhoto({ path, fileId })
    } catch (e) {
      setPhoto(null)
      setError((e as Error).message || '照片上传失败，请重试')
    } finally {
      setBusy(false)
    }
  }

  async function submit() {
    setError(null)
    if (!workType) return setError('请选择工作类型')
    if (!platform.trim()) return setError('请填写平台或公司')
    if (!photo?.fileId) return setError('请拍一张工牌或接单页的照片')
    // must run inside the tap: WeChat only shows the subscribe dialog for a user gesture
    await askSubscribe([me.templates.verificationResult])
    setBusy(true)
    const r = await requestVerification({ workType, platform: platform.trim(), photoFileId: photo.fileId, groupId: current?.id })
    setBusy(false)
    if (!r.ok) return setError(r.error.message)
    await Taro.showToast({ title: '已提交', icon: 'success' })
    void reload()
  }

  return (
    <View className="page">
      <PrivacyPopup />
      <View className="page__body">
        <View className="page-lead">
          <Text className="page-lead__title">认证成为小哥</Text>
          <Text className="page-lead__text">
            由“{current.name}”的联络员审核。照片只有联络员能看，审核后即删除。
            {me.verification.state === 'rejected' && me.verification.reason ? `上次未通过：${me.verification.reason}` : ''}
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
          <View className="form__field">
            <Text className="form__label">工牌或接单页照片</Text>
            <View className="photo-box verify__photo" onClick={() => void pickPhoto()}>
              {photo ? (
                <Image className="photo-box__image" src={photo.path} mode="aspectFit" />
              ) : (
                <Text className="photo-box__text">点这里拍照或从相册选</Text>
              )}
            </View>
            <Text className="form__hint">{photo && !photo.fileId ? '正在上传…' : '看得清姓名或工号即可，可以遮住其他信息。'}</Text>
          </View>
          {error ? <Text className="form__error">{error}</Text> : null}
          <Button
            className="button-primary form__submit verify__submit"
            hoverClass="button-primary--hover"
            disabled={busy ? true : undefined}
            onClick={() => void submit()}
          >
            {busy ? '请稍候…' : '提交认证'}
          </Button>
        </Card>
      </View>
    </View>
  )
}
