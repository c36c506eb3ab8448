/**
 * The form mounts only once the profile is here, with its fields initialised from it: setting an
 * H5 Input's value right after it mounts (before Taro's web component has loaded) throws in
 * taro-input-core's value watcher.
 */
import type { MeData } from '@cloud/users/contract'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import Card from '@/components/card'
import PrivacyPopup from '@/components/privacy-popup'
import { uploadImage } from '@/services/storage/upload-image'
import { type ProfileEdit, updateProfile, type WorkType } from '@/services/users'
import WorkFields from '../components/work-fields'
import AvatarField from './avatar-field'
import DeleteProfile from './delete-profile'
import { NicknameField, PhoneField } from './text-fields'

export default function ProfileForm({ me }: { me: MeData }) {
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
      setAvatar({ url: tempPath, fileId: await uploadImage(tempPath, 'avatars') })
    } catch (e) {
      setError((e as Error).message || '头像上传失败，请重试')
    } finally {
      setBusy(false)
    }
  }
  async function save() {
    setError(null)
    const edit: ProfileEdit = { nickname: nickname.trim() || '骑手朋友', workType, platform: platform.trim() || null }
    if (phone.trim()) edit.phone = phone.trim()
    if (avatar?.fileId && avatar.fileId !== me.avatarFileId) edit.avatarFileId = avatar.fileId
    setBusy(true)
    const r = await updateProfile(edit)
    setBusy(false)
    if (!r.ok) return setError(r.error.message)
    await Taro.showToast({ title: '已保存', icon: 'success' })
    setTimeout(() => void Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/me/index' })), 600)
  }
  return (
    <View className="page">
      <PrivacyPopup />
      <View className="page__body">
        <Card>
          <AvatarField url={avatar?.url ?? null} onPicked={(p) => void takeAvatar(p)} />
          <NicknameField value={nickname} onChange={setNickname} />
          <WorkFields
            workType={workType}
            onWorkType={setWorkType}
            platform={platform}
            onPlatform={setPlatform}
            platformClass="profile__platform"
          />
          <PhoneField value={phone} masked={me.phoneMasked} onChange={setPhone} />
          {error ? <Text className="form-error">{error}</Text> : null}
          <Button
            className="button-primary form-submit profile__save"
            hoverClass="button-primary--hover"
            disabled={busy ? true : undefined}
            onClick={() => void save()}
          >
            {busy ? '请稍候…' : '保存'}
          </Button>
        </Card>
        <DeleteProfile onError={setError} />
      </View>
    </View>
  )
}
