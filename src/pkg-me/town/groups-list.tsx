/** 各群: every group with its liaison, members and admins; a tap opens that group's console. */
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Card from '@/components/card'
import StateView from '@/components/state-view'
import type { TownOverview } from '@/services/users'

export default function GroupsList({ overview }: { overview: TownOverview }) {
  if (overview.groups.length === 0) {
    return (
      <Card>
        <StateView compact kind="empty" glyph="群" title="还没有群" description="联络员从微信群里打开小程序即可认领。" />
      </Card>
    )
  }
  return (
    <>
      {overview.groups.map((g) => (
        <Card key={g.id} className="town-group" onClick={() => void Taro.navigateTo({ url: `/pkg-me/liaison/index?groupId=${g.id}` })}>
          <View className="town-group__head">
            <Text className="town-group__name">{g.name}</Text>
            <Text className="me-chevron">›</Text>
          </View>
          <Text className={`town-group__liaison${g.liaisonName ? '' : ' town-group__liaison--none'}`}>
            {g.liaisonName ? `联络员：${g.liaisonName}` : '暂无联络员，请在“找人指派”里指派'}
          </Text>
          <Text className="row__meta">
            {g.memberCount} 位成员 · {g.adminCount} 位轮值管理员
          </Text>
        </Card>
      ))}
    </>
  )
}
