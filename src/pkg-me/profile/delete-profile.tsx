/** 注销我的个人信息: after a clear confirmation; history stays as 已注销用户. */
import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { deleteMe } from '@/services/users'

export default function DeleteProfile({ onError }: { onError: (message: string) => void }) {
  async function remove() {
    const ok = await Taro.showModal({
      title: '注销个人信息？',
      content: '昵称、头像、手机号、工种会被清除，照片会删除，并退出所有群。已有的记录保留为“已注销用户”。',
      confirmText: '注销',
      confirmColor: '#C4361C',
    })
    if (!ok.confirm) return
    const r = await deleteMe()
    if (!r.ok) return onError(r.error.message)
    await Taro.showToast({ title: '已注销', icon: 'none' })
    void Taro.switchTab({ url: '/pages/index/index' })
  }
  return (
    <View className="profile__danger">
      <Button className="profile__delete" onClick={() => void remove()}>
        注销我的个人信息
      </Button>
    </View>
  )
}
