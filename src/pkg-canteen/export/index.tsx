/**
 * 导出和补贴台账 (canteen staff, town): the month's subsidy ledger (budget, drawn by collected meals,
 * not yet promised), a CSV of a day or a month for the funder (bookings, pickups, no-shows,
 * subsidy used), and — for town — the month's budget.
 */

import type { Envelope } from '@cloud/_lib/envelope'
import type { ExportView, LedgerView } from '@cloud/meals/contract'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import Card from '@/components/card'
import ChipPicker from '@/components/chip-picker'
import SectionHeader from '@/components/section-header'
import { useKeyedQuery } from '@/hooks/use-keyed-query'
import { exportCsv } from '@/services/meals/counter'
import { offerDownload } from '@/services/meals/offer-download'
import { ledger, myCanteens, setBudget } from '@/services/meals/staff'
import { yuan } from '@/utils/canteen-format'
import { Failed, Loading } from '../components/load-state'
import '../shared.scss'
import './index.scss'

async function loadLedger(canteenId: string, month: string): Promise<Envelope<{ ledger: LedgerView; isTown: boolean }>> {
  const [l, mine] = await Promise.all([ledger(canteenId, month), myCanteens()])
  if (!l.ok) return l
  return { ok: true, data: { ledger: l.data, isTown: mine.ok && mine.data.isTown } }
}

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
const prevMonth = (m: string) => {
  const [y, mm] = m.split('-').map(Number)
  return mm === 1 ? `${y - 1}-12` : `${y}-${String(mm - 1).padStart(2, '0')}`
}

function Ledger({ l }: { l: LedgerView }) {
  const rows: [string, string][] = [
    ['本月预算', `${yuan(l.budgetFen)} 元`],
    ['每份补贴', `${yuan(l.perMealFen)} 元`],
    ['已领取', `${yuan(l.drawnFen)} 元（${l.drawnCount} 份）`],
    ['尚未分配', `${yuan(l.unallocatedFen)} 元`],
  ]
  return (
    <Card>
      {rows.map(([k, v]) => (
        <View key={k} className="rows__row">
          <Text className="rows__key">{k}</Text>
          <Text className="rows__value">{v}</Text>
        </View>
      ))}
      <Text className="muted">已领取 = 本月已取餐的爱心餐补贴，在确认取餐时记入。</Text>
    </Card>
  )
}

function Budget({ l, onSaved }: { l: LedgerView; onSaved: () => void }) {
  const [value, setValue] = useState(yuan(l.budgetFen))
  async function save() {
    const r = await setBudget({ canteenId: l.canteenId, month: l.period, budgetFen: Math.round(Number(value) * 100) })
    if (!r.ok) return void Taro.showModal({ title: '没有保存', content: r.error.message, showCancel: false, confirmText: '知道了' })
    void Taro.showToast({ title: '预算已保存', icon: 'success' })
    onSaved()
  }
  return (
    <Card>
      <Text className="form__label">{l.period} 的补贴预算（元，镇里设定）</Text>
      <View className="form__row">
        <Input className="form__input" type="digit" value={value} onInput={(e) => setValue(e.detail.value)} />
        <Button className="button-primary" hoverClass="button-primary--hover" onClick={() => void save()}>
          保存
        </Button>
      </View>
    </Card>
  )
}

export default function ExportPage() {
  const { params } = useRouter()
  const canteenId = params.canteenId ?? ''
  const [month, setMonth] = useState(today().slice(0, 7))
  const fetcher = useCallback(() => loadLedger(canteenId, month), [canteenId, month])
  const { state, reload } = useKeyedQuery(fetcher, month)
  const [last, setLast] = useState<ExportView | null>(null)
  const [busy, setBusy] = useState(false)

  async function run(period: 'day' | 'month') {
    setBusy(true)
    const r = await exportCsv({ canteenId, period, date: period === 'day' ? today() : `${month}-01` })
    setBusy(false)
    if (!r.ok) return void Taro.showModal({ title: '没有导出', content: r.error.message, showCancel: false, confirmText: '知道了' })
    setLast(r.data)
    const how = await offerDownload(r.data.url, r.data.fileName)
    if (how === 'copied')
      void Taro.showModal({
        title: '下载链接已复制',
        content: '在电脑浏览器里粘贴打开，一小时内有效。',
        showCancel: false,
        confirmText: '知道了',
      })
  }

  if (state.status === 'loading') return <Loading title="正在打开台账…" />
  if (state.status === 'error') return <Failed error={state.error} onRetry={() => void reload()} />
  return (
    <View className="page export">
      <View className="page__body">
        <ChipPicker
          className="export__months"
          options={[today().slice(0, 7), prevMonth(today().slice(0, 7))].map((m, i) => ({
            key: m,
            label: `${i === 0 ? '本月' : '上月'}（${m}）`,
          }))}
          selected={[month]}
          onPick={setMonth}
        />
        <SectionHeader title="补贴台账" />
        <Ledger l={state.data.ledger} />
        {state.data.isTown ? (
          <Budget key={state.data.ledger.period} l={state.data.ledger} onSaved={() => void reload({ quiet: true })} />
        ) : null}
        <SectionHeader title="导出给出资方（CSV）" />
        <Card>
          <Text className="muted">每一份预约：时段、套餐、取餐、未取、取消、补贴；骑手以编号出现。</Text>
          <View className="actions">
            <Button
              className="button-primary export__day"
              hoverClass="button-primary--hover"
              loading={busy}
              disabled={busy || undefined}
              onClick={() => void run('day')}
            >
              导出今天
            </Button>
            <Button
              className="button-secondary"
              hoverClass="button-secondary--hover"
              disabled={busy || undefined}
              onClick={() => void run('month')}
            >
              导出{month === today().slice(0, 7) ? '本月' : '上月'}
            </Button>
          </View>
          {last ? (
            <Text className="export__last">
              {last.fileName}：预约 {last.summary.bookings}，取餐 {last.summary.collected}，未取 {last.summary.noShows}，取消{' '}
              {last.summary.cancelled}，补贴 {yuan(last.summary.subsidyFen)} 元
            </Text>
          ) : null}
        </Card>
      </View>
    </View>
  )
}
