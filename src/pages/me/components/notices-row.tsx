/** 我的通知: one big row; the unread count stands out. */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

export default function NoticesRow({ unread }: { unread: number }) {
  return (
    <View
      className={`me__notices${unread ? ' me__notices--unread' : ''}`}
      hoverClass="me__entry--pressed"
      onClick={() => void Taro.navigateTo({ url: '/pkg-me/notices/index' })}
    >
      <Text className="me__entry-title">我的通知</Text>
      <View className="me__entry-right">
        {unread ? (
          <Text className="me__badge">{unread > 99 ? '99+' : unread} 条未读</Text>
        ) : (
          <Text className="me__entry-hint">没有新通知</Text>
        )}
        <Text className="me__entry-chevron">›</Text>
      </View>
    </View>
  )
}
