/** 所属微阵地: the group whose liaison is told of problems here (or none). */
import { Text, View } from '@tarojs/components'
import type { GroupOption } from './station-form'

const NONE: GroupOption = { id: '', name: '不指定', liaisonName: null }

export default function GroupField({
  groups,
  groupId,
  onPick,
}: {
  groups: GroupOption[]
  groupId: string | null
  onPick: (id: string | null) => void
}) {
  return (
    <View className="edit__groups">
      {[NONE, ...groups].map((g) => {
        const on = (groupId ?? '') === g.id
        return (
          <View
            key={g.id || 'none'}
            className={`edit__group${on ? ' edit__group--on' : ''}`}
            hoverClass="edit__group--pressed"
            onClick={() => onPick(g.id || null)}
          >
            <Text className="edit__group-name">{g.name}</Text>
            {g.id ? <Text className="edit__group-meta">联络员：{g.liaisonName ?? '暂无'}</Text> : null}
          </View>
        )
      })}
    </View>
  )
}
