/** One term of the roster: its days and its admins; the liaison may take one admin off it. */
import type { TermView } from '@cloud/fronts/contract'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Card from '@/components/card'
import { termText } from '@/services/fronts/labels'
import { removeDutyPeriod } from '@/services/users'

async function takeOff(name: string, openid: string, periodId: string, onChanged: () => void) {
  const ok = await Taro.showModal({ title: `取消${name}的这一班？`, content: '他仍是本群的轮值管理员，只是这段时间不值班。' })
  if (!ok.confirm) return
  const r = await removeDutyPeriod(openid, periodId)
  if (!r.ok) void Taro.showToast({ title: r.error.message, icon: 'none' })
  onChanged()
}

export default function TermCard({ term, canEdit, onChanged }: { term: TermView; canEdit: boolean; onChanged: () => void }) {
  const state = term.current ? '正在值班' : term.ended ? '已结束' : '接下来'
  return (
    <Card className={`fr-roster__term${term.current ? ' fr-roster__term--current' : ''}${term.ended ? ' fr-roster__term--ended' : ''}`}>
      <View className="fr-roster__term-head">
        <Text className="fr-roster__days">{termText(term.start, term.end)}</Text>
        <Text className={`tag${term.current ? ' tag--success' : ''}`}>{state}</Text>
      </View>
      <View className="fr-roster__admins">
        {term.admins.map((a) => (
          <View key={a.periodId} className="fr-roster__admin">
            <Text className="fr-roster__admin-name">{a.name}</Text>
            {canEdit && !term.ended ? (
              <View className="fr-roster__off" onClick={() => void takeOff(a.name, a.openid, a.periodId, onChanged)}>
                <Text>取消</Text>
              </View>
            ) : null}
          </View>
        ))}
      </View>
    </Card>
  )
}
