/**
 * 常用回复 for the liaison: the saved replies, most used first, as large chips; a tap puts the text
 * in the answer box (it can still be changed) and counts the use when sent.
 */
import type { SavedReply } from '@cloud/fronts/contract'
import { ScrollView, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Chip } from '@/components/chip-picker'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { listSavedReplies } from '@/services/fronts'

export default function SavedPicker({ onPick }: { onPick: (r: SavedReply) => void }) {
  const { state } = useCloudQuery(listSavedReplies)
  const items = state.status === 'ready' ? state.data.items : []
  return (
    <View className="fr-saved">
      <View className="fr-saved__head">
        <Text className="fr-row__title">常用回复</Text>
        <View className="fr-saved__manage" onClick={() => void Taro.navigateTo({ url: '/pkg-front/replies/index' })}>
          <Text>管理 ›</Text>
        </View>
      </View>
      {items.length ? (
        <ScrollView scrollX className="fr-saved__list" enhanced showScrollbar={false}>
          <View className="fr-saved__row">
            {items.map((r) => (
              <Chip key={r.id} label={r.title} on={false} onTap={() => onPick(r)} />
            ))}
          </View>
        </ScrollView>
      ) : (
        <Text className="fr-note">还没有常用回复。常答的问题存一条，下次点一下就行。</Text>
      )}
    </View>
  )
}
