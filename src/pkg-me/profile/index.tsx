/**
 * 编辑资料: avatar (WeChat's chooseAvatar on weapp, an image elsewhere) uploaded into my own
 * avatars folder, nickname (type="nickname" input on weapp), work type and platform, optional
 * phone; and deleting the profile. Saved with users.updateProfile (nickname and platform are
 * checked by content security).
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/userProfile.html
 */
import StateView from '@/components/state-view'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { fetchMe } from '@/services/users'
import ProfileForm from './profile-form'
import './index.scss'

export default function ProfilePage() {
  const { state, reload } = useCloudQuery(fetchMe)
  if (state.status === 'loading') return <StateView kind="loading" />
  if (state.status === 'error') return <StateView kind="error" description={state.error.message} onAction={() => void reload()} />
  return <ProfileForm me={state.data} />
}
