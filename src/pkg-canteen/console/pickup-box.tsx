/** Confirm a pickup: type the 6-character code (or scan the rider's QR on WeChat); the answer says who, what and the subsidy drawn. */
import type { PickupView } from '@cloud/meals/contract'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import Card from '@/components/card'
import { confirmPickup } from '@/services/meals/counter'
import { canScan, scanPickupCode } from '@/services/meals/scan-code'
import { codeFromScan, yuan } from '@/utils/canteen-format'

export default function PickupBox({ canteenId, onDone }: { canteenId: string; onDone: () => void }) {
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [last, setLast] = useState<PickupView | null>(null)

  async function submit(raw: string) {
    const value = codeFromScan(raw)
    if (!value || busy) return
    setBusy(true)
    const r = await confirmPickup(canteenId, value)
    setBusy(false)
    if (!r.ok) {
      void Taro.showModal({ title: '不能取餐', content: r.error.message, showCancel: false, confirmText: '知道了' })
      return
    }
    setLast(r.data)
    setCode('')
    void Taro.showToast({ title: '已确认取餐', icon: 'success' })
    onDone()
  }

  async function scan() {
    const text = await scanPickupCode()
    if (text) await submit(text)
  }

  return (
    <Card className="pickup">
      <Text className="pickup__title">确认取餐</Text>
      <Input
        className="form__input pickup__input"
        value={code}
        maxlength={8}
        placeholder="输入 6 位取餐码"
        onInput={(e) => setCode(e.detail.value.toUpperCase())}
        onConfirm={() => void submit(code)}
      />
      <View className="actions">
        <Button
          className="button-primary pickup__confirm"
          hoverClass="button-primary--hover"
          loading={busy}
          disabled={busy || code.length < 6 || undefined}
          onClick={() => void submit(code)}
        >
          确认取餐
        </Button>
        {canScan ? (
          <Button className="button-secondary" hoverClass="button-secondary--hover" onClick={() => void scan()}>
            扫码
          </Button>
        ) : null}
      </View>
      {last ? (
        <Text className="pickup__last">
          {last.booking.code} · {last.booking.rider} · {last.booking.mealName}：付 {yuan(last.payFen)} 元
          {last.subsidyFen ? `，补贴 ${yuan(last.subsidyFen)} 元（本月已用 ${yuan(last.ledger.drawnFen)} 元）` : ''}
        </Text>
      ) : null}
    </Card>
  )
}
