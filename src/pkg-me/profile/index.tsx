/**
 * 编辑资料: avatar (WeChat's chooseAvatar on weapp, an image elsewhere) uploaded to cloud storage,
 * nickname (type="nickname" input on weapp), work type and platform, optional phone; and deleting
 * the profile. Saved with users.updateProfile (nickname checked by content security).
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/userProfile.html
 */
import { Button, Image, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import Card from '@/components/card'
import PrivacyPopup from '@/components/privacy-popup'
import StateView from '@/components/state-view'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { requirePrivacy } from '@/hooks/use-privacy'
import { uploadImage } from '@/services/storage/upload-image'
import { deleteMe, fetchMe, type MeData, type ProfileEdit, updateProfile, type WorkType } from '@/services/users'
import './index.scss'
import WorkFields from '../components/work-fields'

const isWeapp = process.env.TARO_ENV === 'weapp'

export default function ProfilePage() {
  const { state, reload } = useCloudQuery(fetchMe)
  if (state.status === 'loading') return <StateView kind="loading" />
  if (state.status === 'error') return <StateView kind="error" description={state.error.message} onAction={() => void reload()} />
  return <ProfileForm me={state.data} />
}

/**
 * The form mounts only once the profile is here, with its fields initialised from it: setting an
 * H5 Input's value right after it mounts (before Taro's web component has loaded) throws in
 * taro-input-core's value watcher.
 */
function ProfileForm({ me }: { me: MeData }) {
  const [nickname, setNickname] = useState(me.nickname === '骑手朋友' ? '' : me.nickname)
  const [workType, setWorkType] = useState<WorkType | null>(me.workType)
  const [platform, setPlatform] = useState(me.platform ?? '')
  const [phone, setPhone] = useState('')
  const [avatar, setAvatar] = useState<{ url: string; fileId: string | null } | null>(
    me.avatarUrl ? { url: me.avatarUrl, fileId: me.avatarFileId } : null,
  )
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function takeAvatar(tempPath: string) {
    setError(null)
    setBusy(true)
    try {
      const fileId = await uploadImage(tempPath, 'avatars')
      setAvatar({ url: tempPath, fileId })
    } catch (e) {
      setError((e as Error).message || '头像上传失败，请重试')
    } finally {
      setBusy(false)
    }
  }

  async function pickImage() {
    if (!(await requirePrivacy())) return
    const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] }).catch(() => null)
    const path = res?.tempFilePaths?.[0]
    if (path) await takeAvatar(path)
  }

  async function save() {
    setError(null)
    const edit: ProfileEdit = { nickname: nickname.trim() || '骑手朋友', workType, platform: platform.trim() || null }
    if (phone.trim()) edit.phone = phone.trim()
    if (avatar?.fileId && avatar.fileId !== me.avatarFileId) edit.avatarFileId = avatar.fileId
    setBusy(true)
    const r = await updateProfile(edit)
    setBusy(false)
    if (!r.ok) {
      setError(r.error.message)
      return
    }
    await Taro.showToast({ title: '已保存', icon: 'success' })
    setTimeout(() => void Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/me/index' })), 600)
  }

  async function remove() {
    const ok = await Taro.showModal({
      title: '注销个人信息？',
      content: '昵称、头像、手机号、工种会被清除，照片会删除，并退出所有群。已有的议事和记录保留为“已注销用户”。',
      confirmText: '注销',
      confirmColor: '#C4361C',
    })
    if (!ok.confirm) return
    const r = await deleteMe()
    if (!r.ok) {
      setError(r.error.message)
      return
    }
    await Taro.showToast({ title: '已注销', icon: 'none' })
    void Taro.switchTab({ url: '/pages/index/index' })
  }

  return (
    <View className="page">
      <PrivacyPopup />
      <View className="page__body">
        <Card>
          <View className="form__field">
            <Text className="form__label">头像</Text>
            <View className="profile__avatar-row">
              {isWeapp ? (
                <Button
                  className="profile__avatar"
                  openType="chooseAvatar"
                  onChooseAvatar={(e) => void takeAvatar((e.detail as { avatarUrl: string }).avatarUrl)}
                >
                  {avatar ? <Image className="profile__avatar-image" src={avatar.url} mode="aspectFill" /> : <Text>换</Text>}
                </Button>
              ) : (
                <Button className="profile__avatar" onClick={() => void pickImage()}>
                  {avatar ? <Image className="profile__avatar-image" src={avatar.url} mode="aspectFill" /> : <Text>换</Text>}
                </Button>
              )}
              <Text className="form__hint">点头像更换，可以用微信头像</Text>
            </View>
          </View>

          <View className="form__field">
            <Text className="form__label">昵称</Text>
            <Input
              className="form__input profile__nickname"
              type={(isWeapp ? 'nickname' : 'text') as 'text'}
              value={nickname}
              maxlength={20}
              placeholder="大家怎么称呼你"
              onInput={(e) => setNickname(e.detail.value)}
              onBlur={(e) => setNickname(e.detail.value)}
            />
          </View>

          <WorkFields
            workType={workType}
            onWorkType={setWorkType}
            platform={platform}
            onPlatform={setPlatform}
            platformClass="profile__platform"
          />

          <View className="form__field">
            <Text className="form__label">手机号（选填）</Text>
            <Input
              className="form__input profile__phone"
              type="number"
              value={phone}
              maxlength={11}
              placeholder={me.phoneMasked ? `已填 ${me.phoneMasked}，不改可留空` : '只有联络员能看到完整号码'}
              onInput={(e) => setPhone(e.detail.value)}
            />
          </View>

          {error ? <Text className="form__error">{error}</Text> : null}
          <Button
            className="button-primary form__submit profile__save"
            hoverClass="button-primary--hover"
            disabled={busy ? true : undefined}
            onClick={() => void save()}
          >
            {busy ? '请稍候…' : '保存'}
          </Button>
        </Card>

        <View className="profile__danger">
          <Button className="profile__delete" onClick={() => void remove()}>
            注销我的个人信息
          </Button>
        </View>
      </View>
    </View>
  )
}
