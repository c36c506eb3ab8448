/**
 * Meals still to hand over, by slot: put one in a heated locker (a free one automatically, or a
 * locker staff pick), or move it to another locker. The rider is told the locker and code.
 */
import type { BoardView, BookingRow } from '@cloud/meals/contract'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import Card from '@/components/card'
import { Chip } from '@/components/chip-picker'
import { placeMeal } from '@/services/meals/counter'
import { BOOKING_STATE, clockOf } from '@/utils/canteen-format'

function Row({
  row,
  free,
  open,
  onOpen,
  onPlace,
}: {
  row: BookingRow
  free: number[]
  open: boolean
  onOpen: () => void
  onPlace: (no?: number) => void
}) {
  return (
    <Card className={`handover${row.overdue ? ' handover--overdue' : ''}`}>
      <View className="handover__head" onClick={onOpen}>
        <Text className="handover__code">{row.code}</Text>
        <Text className={`tag tag--${BOOKING_STATE[row.state].tone}`}>
          {row.lockerNo !== null ? `${row.lockerNo} 号柜` : BOOKING_STATE[row.state].label}
        </Text>
      </View>
      <Text className="handover__meta">
        {row.start} · {row.rider} · {row.mealName}
        {row.moved ? ' · 改过时段' : ''}
        {row.holdExtended ? ' · 延长保温' : ''} · 保留到 {clockOf(row.holdUntil)}
      </Text>
      {open ? (
        <View className="chips chips--wrap handover__lockers">
          {free.map((no) => (
            <Chip key={no} label={`${no} 号`} on={false} onTap={() => onPlace(no)} />
          ))}
          {free.length === 0 ? <Text className="muted">没有空柜</Text> : null}
        </View>
      ) : null}
      <View className="actions">
        {row.state === 'booked' ? (
          <Button className="button-primary handover__place" hoverClass="button-primary--hover" onClick={() => onPlace()}>
            放入保温柜
          </Button>
        ) : null}
        <Button className="button-secondary" hoverClass="button-secondary--hover" onClick={onOpen}>
          {open ? '收起' : row.state === 'placed' ? '换柜' : '指定柜号'}
        </Button>
      </View>
    </Card>
  )
}

export default function HandOver({ rows, lockers, onDone }: { rows: BookingRow[]; lockers: BoardView['lockers']; onDone: () => void }) {
  const [openId, setOpenId] = useState<string | null>(null)
  const free = lockers.list.filter((l) => !l.bookingId).map((l) => l.no)
  async function place(row: BookingRow, no?: number) {
    const r = await placeMeal(row.id, no)
    setOpenId(null)
    if (!r.ok) void Taro.showModal({ title: '没有放好', content: r.error.message, showCancel: false, confirmText: '知道了' })
    else void Taro.showToast({ title: `已放 ${r.data.lockerNo} 号柜`, icon: 'success' })
    onDone()
  }
  if (!rows.length) return <Text className="muted">今天的餐都已取走或还没有预约。</Text>
  return (
    <>
      {rows.map((row) => (
        <Row
          key={row.id}
          row={row}
          free={free}
          open={openId === row.id}
          onOpen={() => setOpenId(openId === row.id ? null : row.id)}
          onPlace={(no) => void place(row, no)}
        />
      ))}
    </>
  )
}
