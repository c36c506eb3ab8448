/** 我的群: the groups I am in — switch the current one, leave one (a liaison hands over first). */
import type { GroupSummary, MeData } from '@cloud/users/contract'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Card from '@/components/card'
import SectionHeader from '@/components/section-header'
import { leaveGroup, switchGroup } from '@/services/users'

async function onSwitch(groupId: string, done: () => void) {
  const r = await switchGroup(groupId)
  if (!r.ok) void Taro.showToast({ title: r.error.message, icon: 'none' })
  done()
}

async function onLeave(g: GroupSummary, done: () => void) {
  const ok = await Taro.showModal({ title: '退出这个群？', content: `退出“${g.name}”后将看不到它的公告，可以从群里重新打开小程序加入。` })
  if (!ok.confirm) return
  const r = await leaveGroup(g.id)
  void Taro.showToast({ title: r.ok ? '已退出' : r.error.message, icon: 'none' })
  done()
}

function GroupRow({ g, onChanged }: { g: GroupSummary; onChanged: () => void }) {
  return (
    <View className="me__group">
      <View className="me__group-main" onClick={() => (g.current ? undefined : void onSwitch(g.id, onChanged))}>
        <Text className="me__group-name">{g.name}</Text>
        <View className="me__group-tags">
          {g.current ? <Text className="tag tag--primary">当前</Text> : null}
          {g.isLiaison ? <Text className="tag">联络员</Text> : null}
          {g.onDuty ? <Text className="tag tag--primary">值班中</Text> : g.isAdmin ? <Text className="tag">轮值管理员</Text> : null}
          <Text className="me__group-count">{g.memberCount} 人</Text>
        </View>
      </View>
      {g.current ? null : (
        <Button
          className="button-secondary me__group-button"
          hoverClass="button-secondary--hover"
          onClick={() => void onSwitch(g.id, onChanged)}
        >
          切换
        </Button>
      )}
      {g.isLiaison ? null : (
        <View className="me__group-leave" hoverClass="me__entry--pressed" onClick={() => void onLeave(g, onChanged)}>
          <Text>退出</Text>
        </View>
      )}
    </View>
  )
}

export default function MyGroups({ me, onChanged }: { me: MeData; onChanged: () => void }) {
  // town-appointed people without a group have nothing to see here
  if (me.official && me.groups.length === 0) return null
  return (
    <>
      <SectionHeader title="我的群" />
      <Card>
        {me.groups.length === 0 ? (
          <Text className="me__note">还没有加入小哥群。从小哥微信群里点小程序卡片打开，就会自动加入；也可以扫联络员给的邀请码。</Text>
        ) : (
          me.groups.map((g) => <GroupRow key={g.id} g={g} onChanged={onChanged} />)
        )}
      </Card>
    </>
  )
}
