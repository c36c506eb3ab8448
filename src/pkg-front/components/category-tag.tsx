/** The notice's category as a tag (安全提醒 stands out), with 置顶 beside it when pinned. */
import type { NoticeCategory } from '@cloud/fronts/contract'
import { Text, View } from '@tarojs/components'
import { NOTICE_CATEGORY } from '@/services/fronts/labels'

export default function CategoryTag({ category, pinned }: { category: NoticeCategory; pinned?: boolean }) {
  const c = NOTICE_CATEGORY[category]
  return (
    <View className="fr-tags">
      {pinned ? <Text className="tag tag--solid">置顶</Text> : null}
      <Text className={`tag tag--${c.tone === 'muted' ? 'muted' : c.tone}`}>{c.label}</Text>
    </View>
  )
}
