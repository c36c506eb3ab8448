/**
 * The booking on the 食堂 tab: which slot is picked and which set meal, the requestId of this attempt
 * (a double tap or a retry after a network failure books once; a new choice gets a new id), and the
 * confirm tap: consent for the messages first (WeChat needs it inside the tap), then `book`.
 */
import type { DayView, SlotView } from '@cloud/meals/contract'
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import { book, newRequestId } from '@/services/meals/rider'
import { askSubscribe } from '@/services/users/subscribe'

export const openBooking = (id: string) => void Taro.navigateTo({ url: `/pkg-canteen/booking/index?bookingId=${encodeURIComponent(id)}` })

/** The first meal of the slot's service that can be booked now: an 爱心餐 first. */
function defaultMeal(day: DayView, slot: SlotView): string {
  const offered = day.meals.filter((m) => m.services.includes(slot.service) && !m.soldOut && (!m.subsidised || day.subsidyOpen))
  return (offered.find((m) => m.subsidised) ?? offered[0])?.id ?? ''
}

export function useBooking(reload: () => Promise<void>) {
  const [slot, setSlot] = useState<SlotView | null>(null)
  const [mealId, setMealId] = useState('')
  const [busy, setBusy] = useState(false)
  const requestId = useRef(newRequestId())

  function pick(day: DayView, s: SlotView) {
    if (s.mine) {
      const mine = day.me.booked.find((b) => b.slotId === s.id)
      if (mine) openBooking(mine.bookingId)
      return
    }
    if (!s.bookable) {
      void Taro.showToast({ title: s.reason ?? '这个时段不能预约', icon: 'none' })
      return
    }
    requestId.current = newRequestId()
    setSlot(s)
    setMealId(defaultMeal(day, s))
  }

  async function confirm(day: DayView) {
    if (!slot || busy) return
    setBusy(true)
    await askSubscribe([day.templates.placed, day.templates.cancelled])
    const r = await book({ slotId: slot.id, requestId: requestId.current, mealId })
    setBusy(false)
    if (!r.ok) {
      // NETWORK: the booking may have arrived — the same id again books once. Otherwise a new attempt.
      if (r.error.code !== 'NETWORK') requestId.current = newRequestId()
      void Taro.showModal({ title: '没有约上', content: r.error.message, showCancel: false, confirmText: '知道了' })
      await reload()
      return
    }
    setSlot(null)
    requestId.current = newRequestId()
    void Taro.showToast({ title: '预约成功', icon: 'success' })
    openBooking(r.data.id)
    await reload()
  }

  return { slot, mealId, busy, setMealId, pick, confirm, close: () => setSlot(null) }
}
