/** Why the list looks as it does: sorted from the town centre (tap to locate again), or a saved list. */
import { Text, View } from '@tarojs/components'

export interface ListNotesProps {
  originNote: string | null
  onLocate: () => void
  /** A saved list is on screen: still refreshing, or the network failed. */
  saved: { minutes: number; failed: boolean } | null
  updating: boolean
}

export default function ListNotes({ originNote, onLocate, saved, updating }: ListNotesProps) {
  return (
    <>
      {originNote ? (
        <View className="stations__note" hoverClass="stations__note--pressed" onClick={onLocate}>
          <Text className="stations__note-text">{originNote}</Text>
          <Text className="stations__note-action">重新定位 ›</Text>
        </View>
      ) : null}
      {saved ? (
        <Text className="stations__cache">
          {saved.failed ? `网络不给力，显示的是 ${saved.minutes} 分钟前保存的列表` : `先显示 ${saved.minutes} 分钟前保存的列表，正在刷新…`}
        </Text>
      ) : null}
      {updating ? <Text className="stations__loading">正在更新…</Text> : null}
    </>
  )
}
