/** The heated lockers: which are in use, which hold a meal past its hold time (tap to clear after a confirm). */
import type { BoardView } from '@cloud/meals/contract'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Card from '@/components/card'
import { clearLocker } from '@/services/meals/counter'

export default function Lockers({ canteenId, lockers, onDone }: { canteenId: string; lockers: BoardView['lockers']; onDone: () => void }) {
  async function clear(no: number, code: string | null) {
    const { confirm } = await Taro.showModal({
      title: `清空 ${no} 号柜？`,
      content: `取餐码 ${code ?? ''} 的餐超过保温时间没取，取出后记为未取餐。`,
      confirmText: '清空',
      cancelText: '先不',
    })
    if (!confirm) return
    const r = await clearLocker(canteenId, no)
    if (!r.ok) void Taro.showModal({ title: '没有清空', content: r.error.message, showCancel: false, confirmText: '知道了' })
    onDone()
  }
  return (
    <Card>
      <Text className="lockers__summary">
        在用 {lockers.inUse} / {lockers.total} 个
      </Text>
      <View className="lockers">
        {lockers.list.map((l) => (
          <View
            key={l.no}
            className={`locker${l.bookingId ? ' locker--used' : ''}${l.overdue ? ' locker--overdue' : ''}`}
            hoverClass={l.overdue ? 'locker--pressed' : 'none'}
            onClick={() => (l.overdue ? void clear(l.no, l.code) : undefined)}
          >
            <Text className="locker__no">{l.no}</Text>
            <Text className="locker__code">{l.code ?? '空'}</Text>
          </View>
        ))}
      </View>
    </Card>
  )
}
