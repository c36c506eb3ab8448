/**
 * 食堂管理 (canteen staff: their canteen; town: every canteen), today at a glance: per slot booked /
 * capacity and collected, how many of each set meal to prepare, the heated lockers, riders running
 * late, meals past their hold time; confirm pickups by code or QR; put meals in lockers. Links to the
 * plan (menus and slots), the export and ledger, and the rules. The server checks each action's scope.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/api/device/scan/wx.scanCode.html
 */

import type { Envelope } from '@cloud/_lib/envelope'
import type { BoardView, ManagedCanteen } from '@cloud/meals/contract'
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import Card from '@/components/card'
import ChipPicker, { Chip } from '@/components/chip-picker'
import SectionHeader from '@/components/section-header'
import StateView from '@/components/state-view'
import { useKeyedQuery } from '@/hooks/use-keyed-query'
import { board } from '@/services/meals/counter'
import { myCanteens } from '@/services/meals/staff'
import { shortDay } from '@/utils/canteen-format'
import { Failed, Loading } from '../components/load-state'
import HandOver from './hand-over'
import Lockers from './lockers'
import PickupBox from './pickup-box'
import '../shared.scss'
import './index.scss'

interface ConsoleData {
  canteens: ManagedCanteen[]
  board: BoardView | null
}

async function loadConsole(wanted: string): Promise<Envelope<ConsoleData>> {
  const mine = await myCanteens()
  if (!mine.ok) return mine
  const id = mine.data.canteens.some((c) => c.id === wanted) ? wanted : (mine.data.canteens[0]?.id ?? '')
  if (!id) return { ok: true, data: { canteens: [], board: null } }
  const b = await board(id)
  return b.ok ? { ok: true, data: { canteens: mine.data.canteens, board: b.data } } : b
}

function Glance({ b }: { b: BoardView }) {
  return (
    <Card>
      {b.slots.map((s) => (
        <View key={s.id} className="rows__row">
          <Text className="rows__key">
            {s.start}–{s.end}
            {s.offPeak ? ' 错峰' : ''}
            {s.state === 'closed' ? '（已停止）' : ''}
          </Text>
          <Text className="rows__value">
            已约 {s.booked}/{s.capacity} · 已取 {s.collected}
          </Text>
        </View>
      ))}
    </Card>
  )
}

function Prep({ b }: { b: BoardView }) {
  return (
    <Card>
      {b.prep.map((p) => (
        <View key={p.mealId} className="rows__row glance__prep">
          <Text className="rows__key">{p.name}</Text>
          <Text className="rows__value">
            {p.count} 份（已取 {p.collected}）
          </Text>
        </View>
      ))}
    </Card>
  )
}

const go = (page: string, canteenId: string) => void Taro.navigateTo({ url: `/pkg-canteen/${page}/index?canteenId=${canteenId}` })

export default function ConsolePage() {
  const { params } = useRouter()
  const [canteenId, setCanteenId] = useState(params.canteenId ?? '')
  const fetcher = useCallback(() => loadConsole(canteenId), [canteenId])
  const { state, reload } = useKeyedQuery(fetcher, canteenId)
  const quiet = () => void reload({ quiet: true })
  usePullDownRefresh(() => void reload({ quiet: true }).finally(() => Taro.stopPullDownRefresh()))

  if (state.status === 'loading') return <Loading title="正在打开食堂管理…" />
  if (state.status === 'error') return <Failed error={state.error} onRetry={() => void reload()} />
  const { canteens, board: b } = state.data
  if (!b) return <StateView kind="empty" glyph="饭" title="你还没有负责的食堂" description="请联系镇里把你设为食堂工作人员。" />
  return (
    <View className="page meal-console">
      <View className="page__body">
        {canteens.length > 1 ? (
          <ChipPicker
            className="meal-console__picker"
            options={canteens.map((c) => ({ key: c.id, label: c.name }))}
            selected={[b.canteen.id]}
            onPick={setCanteenId}
          />
        ) : null}
        <Text className="page-lead__title">{b.canteen.name}</Text>
        <Text className="page-lead__text">今天 {shortDay(b.date)}</Text>
        <View className="chips chips--wrap meal-console__links">
          {[
            ['plan', '排餐和时段'],
            ['export', '导出和补贴台账'],
            ['settings', '预约规则'],
          ].map(([page, label]) => (
            <Chip key={page} label={`${label} ›`} on={false} onTap={() => go(page, b.canteen.id)} />
          ))}
        </View>
        <PickupBox canteenId={b.canteen.id} onDone={quiet} />
        {b.uncollected.length ? (
          <Card className="meal-console__alert">
            <Text className="meal-console__alert-title">{b.uncollected.length} 份餐超过保温时间还没取</Text>
            <Text className="meal-console__alert-text">
              {b.uncollected.map((r) => `${r.code}${r.lockerNo !== null ? `（${r.lockerNo} 号柜）` : ''}`).join('、')}
            </Text>
          </Card>
        ) : null}
        <SectionHeader title="今日一览" />
        <Glance b={b} />
        <SectionHeader title="备餐份数" />
        <Prep b={b} />
        <SectionHeader title="保温柜" />
        <Lockers canteenId={b.canteen.id} lockers={b.lockers} onDone={quiet} />
        {b.late.length ? <SectionHeader title={`晚到的小哥（${b.late.length}）`} /> : null}
        {b.late.map((r) => (
          <Text key={r.id} className="muted meal-console__late">
            {r.code} · {r.rider} · {r.moved ? `改到 ${r.start}` : ''}
            {r.holdExtended ? ' 延长保温' : ''}
          </Text>
        ))}
        <SectionHeader title={`待取餐（${b.toHandOver.length}）`} />
        <HandOver rows={b.toHandOver} lockers={b.lockers} onDone={quiet} />
      </View>
    </View>
  )
}
