/**
 * 轮值管理员 (the liaison): the group's admins — on duty, planned, how many terms served — and 免去 to
 * take the appointment back (their coming terms in this group go with it; audited by users).
 */
import type { RosterView } from '@cloud/fronts/contract'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Card from '@/components/card'
import SectionHeader from '@/components/section-header'
import { setAdmin } from '@/services/users'

async function release(groupId: string, openid: string, name: string, onChanged: () => void) {
  const ok = await Taro.showModal({ title: `免去${name}的轮值管理员？`, content: '他在本群以后的班也一起取消；他仍是群成员。' })
  if (!ok.confirm) return
  const r = await setAdmin(openid, groupId, false)
  void Taro.showToast({ title: r.ok ? '已免去' : r.error.message, icon: 'none' })
  onChanged()
}

export default function Pool({ roster: r, onChanged }: { roster: RosterView; onChanged: () => void }) {
  if (!r.pool.length) return null
  return (
    <>
      <SectionHeader title="轮值管理员" />
      <Card>
        {r.pool.map((p) => (
          <View key={p.openid} className="fr-row fr-roster__pool">
            <View className="fr-row__main">
              <Text className="fr-row__title">{p.name}</Text>
              <Text className="fr-row__text">
                {p.onDuty ? '值班中' : p.nextStart ? '已排班' : '还没排班'} · 值过 {p.servedTerms} 班
              </Text>
            </View>
            <View className="fr-roster__off" onClick={() => void release(r.groupId, p.openid, p.name, onChanged)}>
              <Text>免去</Text>
            </View>
          </View>
        ))}
      </Card>
    </>
  )
}
