/**
 * 换班: requests to me (同意 / 不同意), mine (取消), and asking another admin of the group to swap one
 * of my coming terms for one of theirs, or to stand in. The liaison approves before anything moves.
 */
import type { MyTermView, SwapItem, TermView } from '@cloud/fronts/contract'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import Card from '@/components/card'
import ChipPicker from '@/components/chip-picker'
import SectionHeader from '@/components/section-header'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { cancelSwap, requestSwap, respondSwap, roster } from '@/services/fronts'
import { termText } from '@/services/fronts/labels'
import { swapLine } from '../roster/swap-approvals'

const STATE = {
  proposed: '等对方同意',
  accepted: '等联络员批准',
  approved: '已批准',
  rejected: '没批准',
  declined: '对方没同意',
  cancelled: '已取消',
  expired: '已失效',
}

function Ask({ term, onDone }: { term: MyTermView; onDone: () => void }) {
  const { state } = useCloudQuery(useCallback(() => roster(term.groupId), [term.groupId]))
  const [mine, setMine] = useState(term.myPeriods[0]?.periodId ?? '')
  const [theirs, setTheirs] = useState('')
  const [error, setError] = useState<string | null>(null)
  const coming: TermView[] = state.status === 'ready' ? state.data.terms.filter((t) => !t.ended && !t.current) : []
  const options = coming.flatMap((t) =>
    t.admins
      .filter((a) => !term.myPeriods.some((p) => p.periodId === a.periodId))
      .map((a) => ({ key: a.periodId, label: `${a.name} · ${termText(t.start, t.end)}`, openid: a.openid })),
  )
  async function send() {
    const other = options.find((o) => o.key === theirs)
    if (!other) return setError('请选和谁换')
    const r = await requestSwap({ periodId: mine, toOpenid: other.openid, theirPeriodId: theirs })
    if (!r.ok) return setError(r.error.message)
    void Taro.showToast({ title: '已发给对方，同意后等联络员批准', icon: 'none' })
    onDone()
  }
  return (
    <View className="fr-swapform">
      <Text className="form-label">换出去哪一班</Text>
      <ChipPicker
        options={term.myPeriods.map((p) => ({ key: p.periodId, label: termText(p.start, p.end) }))}
        selected={[mine]}
        onPick={setMine}
      />
      <Text className="form-label fr-swapform__label">换对方的哪一班</Text>
      {options.length ? (
        <ChipPicker options={options} selected={[theirs]} onPick={setTheirs} />
      ) : (
        <Text className="fr-note">别人还没有排以后的班，可以先找联络员。</Text>
      )}
      {error ? <Text className="form-error">{error}</Text> : null}
      <Button className="button-primary form-submit fr-swapform__send" disabled={!mine || !theirs || undefined} onClick={() => void send()}>
        发给对方
      </Button>
    </View>
  )
}

function Row({ s, me, onChanged }: { s: SwapItem; me: 'from' | 'to'; onChanged: () => void }) {
  const act = async (fn: () => Promise<{ ok: boolean; error?: { message: string } }>) => {
    const r = await fn()
    if (!r.ok) void Taro.showToast({ title: r.error?.message ?? '没有成功', icon: 'none' })
    onChanged()
  }
  return (
    <Card>
      <Text className="fr-row__title">{swapLine(s)}</Text>
      <Text className="fr-note">
        {STATE[s.state]}
        {s.note ? ` · ${s.note}` : ''}
      </Text>
      {me === 'to' && s.state === 'proposed' ? (
        <View className="button-row">
          <Button className="button-secondary button-row__item" onClick={() => void act(() => respondSwap(s.id, false))}>
            不同意
          </Button>
          <Button className="button-primary button-row__item fr-swap__accept" onClick={() => void act(() => respondSwap(s.id, true))}>
            同意
          </Button>
        </View>
      ) : null}
      {me === 'from' ? (
        <Button className="button-secondary fr-swap__cancel" onClick={() => void act(() => cancelSwap(s.id))}>
          取消换班
        </Button>
      ) : null}
    </Card>
  )
}

export default function Swaps({ term, openid, onChanged }: { term: MyTermView; openid: string; onChanged: () => void }) {
  const [asking, setAsking] = useState(false)
  if (!term.isAdmin) return null
  return (
    <>
      <SectionHeader title="换班" />
      {term.swaps.map((s) => (
        <Row key={s.id} s={s} me={s.from.openid === openid ? 'from' : 'to'} onChanged={onChanged} />
      ))}
      {term.myPeriods.length ? (
        asking ? (
          <Card>
            <Ask
              term={term}
              onDone={() => {
                setAsking(false)
                onChanged()
              }}
            />
          </Card>
        ) : (
          <Button className="button-secondary fr-swap__ask" onClick={() => setAsking(true)}>
            有事值不了？找人换班
          </Button>
        )
      ) : (
        <Text className="fr-note">以后的班排好后，可以在这里找人换班。</Text>
      )}
    </>
  )
}
