/**
 * The loading and error states of the 食堂 subpackage pages: a refusal (not this person's canteen,
 * a booking that is not theirs) says so without a 重试 that could never work; other errors offer it.
 */
import type { AppErrorBody } from '@cloud/_lib/envelope'
import { View } from '@tarojs/components'
import StateView from '@/components/state-view'

export function Loading({ title }: { title: string }) {
  return (
    <View className="page">
      <StateView kind="loading" title={title} />
    </View>
  )
}

export function Failed({ error, onRetry }: { error: AppErrorBody; onRetry: () => void }) {
  if (error.code === 'PERMISSION_DENIED')
    return (
      <View className="page">
        <StateView kind="empty" glyph="饭" title="这里是食堂工作人员用的" description="只有这个食堂的工作人员和镇里能打开。" />
      </View>
    )
  if (error.code === 'NOT_FOUND')
    return (
      <View className="page">
        <StateView kind="empty" glyph="饭" title={error.message} description="可能已经取消或不属于你。" />
      </View>
    )
  return (
    <View className="page">
      <StateView kind="error" description={error.message} onAction={onRetry} />
    </View>
  )
}
