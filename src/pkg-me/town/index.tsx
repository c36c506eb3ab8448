/**
 * 镇里工作台 (town office only): find a person and appoint or take back a role — liaison of a
 * group, station staff, canteen staff, town account — then read it in the audit log (newest
 * first, who / what / when / before → after). The groups list shows each group's liaison and
 * member count and opens that group's console. Every change is checked again by users.assignRole
 * and recorded there, refusals included; this page only shows what it is given.
 */
import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useMemo, useState } from 'react'
import Card from '@/components/card'
import StateView from '@/components/state-view'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import {
  type AuditItem,
  assignRole,
  type FoundUser,
  listAudit,
  type RoleChange,
  searchUsers,
  type TownOverview,
  townOverview,
} from '@/services/users'
import { roleTags } from '@/utils/labels'
import { auditChange, auditSentence, type PlaceNames } from '../utils/audit-text'
import { shanghaiDate } from '../utils/duty-dates'
import { noticeTime } from '../utils/notice-page'
import './index.scss'

type Tab = 'people' | 'groups' | 'audit'
const TABS: { key: Tab; label: string }[] = [
  { key: 'people', label: '找人指派' },
  { key: 'groups', label: '各群' },
  { key: 'audit', label: '变更记录' },
]

type Kind = 'liaison' | 'station' | 'canteen' | 'town'
const KINDS: { key: Kind; label: string }[] = [
  { key: 'liaison', label: '群联络员' },
  { key: 'station', label: '驿站工作人员' },
  { key: 'canteen', label: '食堂工作人员' },
  { key: 'town', label: '镇里账号' },
]

function namesOf(o: TownOverview): PlaceNames {
  const map = (list: { id: string; name: string }[]) => {
    const m = new Map(list.map((x) => [x.id, x.name]))
    return (id: string) => m.get(id) ?? id
  }
  return { group: map(o.groups), station: map(o.stations), canteen: map(o.canteens) }
}

export default function TownConsole() {
  const overview = useCloudQuery(townOverview)
  const audit = useCloudQuery(useCallback(() => listAudit({ limit: 50 }), []))
  const [tab, setTab] = useState<Tab>('people')

  usePullDownRefresh(() => {
    void Promise.all([overview.reload({ quiet: true }), audit.reload({ quiet: true })]).finally(() => Taro.stopPullDownRefresh())
  })

  if (overview.state.status === 'loading') return <StateView kind="loading" />
  if (overview.state.status === 'error')
    return <StateView kind="error" description={overview.state.error.message} onAction={() => void overview.reload()} />
  const o = overview.state.data
  const names = namesOf(o)
  const changed = () => {
    void overview.reload({ quiet: true })
    void audit.reload({ quiet: true })
  }

  return (
    <View className="page">
      <View className="page__body">
        <View className="page-lead">
          <Text className="page-lead__title">镇里工作台</Text>
          <Text className="page-lead__text">
            {o.groups.length} 个群 · {o.stations.length} 个驿站 · {o.canteens.length} 个食堂。每次指派和收回都会记录下来。
          </Text>
        </View>
        <View className="console__tabs">
          {TABS.map((t) => (
            <View key={t.key} className={`console__tab${tab === t.key ? ' console__tab--on' : ''}`} onClick={() => setTab(t.key)}>
              <Text>{t.label}</Text>
            </View>
          ))}
        </View>
        {tab === 'people' ? <People overview={o} names={names} onChanged={changed} /> : null}
        {tab === 'groups' ? <Groups overview={o} /> : null}
        {tab === 'audit' ? <Audit state={audit.state} names={names} onRetry={() => void audit.reload()} /> : null}
      </View>
    </View>
  )
}

function People({ overview, names, onChanged }: { overview: TownOverview; names: PlaceNames; onChanged: () => void }) {
  const [q, setQ] = useState('')
  const [result, setResult] = useState<FoundUser[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function search(text = q) {
    setError(null)
    if (!text.trim()) return setError('请输入昵称或 openid')
    setBusy(true)
    const r = await searchUsers(text.trim())
    setBusy(false)
    if (!r.ok) return setError(r.error.message)
    setResult(r.data.users)
  }

  return (
    <>
      <Card>
        <Text className="form__label">找人</Text>
        <View className="town__search">
          <Input
            className="form__input town__q"
            value={q}
            maxlength={64}
            placeholder="昵称，或对方“我的”页里的编号"
            confirmType="search"
            onInput={(e) => setQ(e.detail.value)}
            onConfirm={() => void search()}
          />
          <Button className="button-primary town__search-button" disabled={busy ? true : undefined} onClick={() => void search()}>
            搜索
          </Button>
        </View>
        {error ? <Text className="form__error town__error">{error}</Text> : null}
      </Card>
      {result && result.length === 0 ? (
        <Card>
          <StateView compact kind="empty" glyph="人" title="没有找到" description="换个字试试；对方需要先打开过小程序。" />
        </Card>
      ) : null}
      {result?.map((u) => (
        <Person
          key={u.openid}
          user={u}
          overview={overview}
          names={names}
          onChanged={() => {
            onChanged()
            void search()
          }}
        />
      ))}
    </>
  )
}

interface Held {
  label: string
  change: RoleChange
}

function heldRoles(u: FoundUser, names: PlaceNames): Held[] {
  const held: Held[] = []
  for (const g of u.liaisonOf)
    held.push({ label: `联络员 · ${names.group(g)}`, change: { targetOpenid: u.openid, targetRole: 'liaison', scopeId: g, grant: false } })
  for (const s of u.staffOf.station)
    held.push({
      label: `驿站 · ${names.station(s)}`,
      change: { targetOpenid: u.openid, targetRole: 'staff', staffKind: 'station', scopeId: s, grant: false },
    })
  for (const c of u.staffOf.canteen)
    held.push({
      label: `食堂 · ${names.canteen(c)}`,
      change: { targetOpenid: u.openid, targetRole: 'staff', staffKind: 'canteen', scopeId: c, grant: false },
    })
  if (u.roles.includes('town')) held.push({ label: '镇里账号', change: { targetOpenid: u.openid, targetRole: 'town', grant: false } })
  return held
}

function Person({
  user,
  overview,
  names,
  onChanged,
}: {
  user: FoundUser
  overview: TownOverview
  names: PlaceNames
  onChanged: () => void
}) {
  const [open, setOpen] = useState(false)
  const [kind, setKind] = useState<Kind>('liaison')
  const [scope, setScope] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const held = heldRoles(user, names)
  const options = useMemo(() => {
    if (kind === 'liaison')
      return overview.groups.map((g) => ({ id: g.id, name: g.name, hint: g.liaisonName ? `现联络员：${g.liaisonName}` : '暂无联络员' }))
    if (kind === 'station') return overview.stations.map((s) => ({ id: s.id, name: s.name, hint: '' }))
    if (kind === 'canteen') return overview.canteens.map((c) => ({ id: c.id, name: c.name, hint: '' }))
    return []
  }, [kind, overview])

  async function apply(change: RoleChange, question: string) {
    setError(null)
    const ok = await Taro.showModal({ title: '请确认', content: question })
    if (!ok.confirm) return
    setBusy(true)
    const r = await assignRole(change)
    setBusy(false)
    if (!r.ok) return setError(r.error.message)
    void Taro.showToast({ title: r.data.changed ? '已更新' : '没有变化', icon: 'none' })
    setOpen(false)
    setScope(null)
    onChanged()
  }

  function appoint() {
    if (kind !== 'town' && !scope) return setError('请选择要负责的群或站点')
    const target = options.find((x) => x.id === scope)
    const change: RoleChange =
      kind === 'liaison'
        ? { targetOpenid: user.openid, targetRole: 'liaison', scopeId: scope as string, grant: true }
        : kind === 'town'
          ? { targetOpenid: user.openid, targetRole: 'town', grant: true }
          : { targetOpenid: user.openid, targetRole: 'staff', staffKind: kind, scopeId: scope as string, grant: true }
    const what =
      kind === 'town' ? '镇里账号（可以管理所有群和人员）' : `「${target?.name ?? ''}」的${KINDS.find((k) => k.key === kind)?.label}`
    const handover = kind === 'liaison' && target?.hint.startsWith('现联络员') ? `原${target.hint.slice(1)}将不再负责这个群。` : ''
    void apply(change, `把 ${user.nickname} 设为${what}？${handover}`)
  }

  const tags = roleTags(user.roles)
  return (
    <Card className="person">
      <View className="person__head">
        <Text className="person__name">{user.nickname}</Text>
        <View className="row__tags">
          {user.verification === 'approved' ? <Text className="tag tag--success">已认证</Text> : null}
          {tags.map((t) => (
            <Text key={t} className="tag">
              {t}
            </Text>
          ))}
        </View>
      </View>
      {held.length ? (
        held.map((h) => (
          <View key={h.label} className="row person__held">
            <Text className="row__title">{h.label}</Text>
            <Button
              className="button-secondary small-button person__revoke"
              disabled={busy ? true : undefined}
              onClick={() => void apply(h.change, `收回 ${user.nickname} 的“${h.label}”？`)}
            >
              收回
            </Button>
          </View>
        ))
      ) : (
        <Text className="note person__none">目前没有镇里指派的角色</Text>
      )}
      {open ? (
        <View className="person__appoint">
          <Text className="form__label">指派为</Text>
          <View className="chips">
            {KINDS.map((k) => (
              <View
                key={k.key}
                className={`chip${kind === k.key ? ' chip--on' : ''}`}
                onClick={() => {
                  setKind(k.key)
                  setScope(null)
                }}
              >
                <Text>{k.label}</Text>
              </View>
            ))}
          </View>
          {kind === 'town' ? null : (
            <>
              <Text className="form__label person__scope-label">{kind === 'liaison' ? '负责哪个群' : '在哪里工作'}</Text>
              {options.length === 0 ? <Text className="note">还没有可选的地方</Text> : null}
              {options.map((x) => (
                <View key={x.id} className={`scope${scope === x.id ? ' scope--on' : ''}`} onClick={() => setScope(x.id)}>
                  <Text className="scope__name">{x.name}</Text>
                  {x.hint ? <Text className="scope__hint">{x.hint}</Text> : null}
                </View>
              ))}
            </>
          )}
          {error ? <Text className="form__error">{error}</Text> : null}
          <View className="request__actions">
            <Button className="button-secondary request__action" onClick={() => setOpen(false)}>
              取消
            </Button>
            <Button className="button-primary request__action person__confirm" disabled={busy ? true : undefined} onClick={() => appoint()}>
              确认指派
            </Button>
          </View>
        </View>
      ) : (
        <>
          {error ? <Text className="form__error">{error}</Text> : null}
          <Button className="button-primary person__open" onClick={() => setOpen(true)}>
            指派新角色
          </Button>
        </>
      )}
    </Card>
  )
}

function Groups({ overview }: { overview: TownOverview }) {
  if (overview.groups.length === 0) {
    return (
      <Card>
        <StateView compact kind="empty" glyph="群" title="还没有群" description="联络员从微信群里打开小程序即可认领。" />
      </Card>
    )
  }
  return (
    <>
      {overview.groups.map((g) => (
        <Card key={g.id} className="town-group" onClick={() => void Taro.navigateTo({ url: `/pkg-me/liaison/index?groupId=${g.id}` })}>
          <View className="town-group__head">
            <Text className="town-group__name">{g.name}</Text>
            <Text className="me-chevron">›</Text>
          </View>
          <Text className={`town-group__liaison${g.liaisonName ? '' : ' town-group__liaison--none'}`}>
            {g.liaisonName ? `联络员：${g.liaisonName}` : '暂无联络员，请在“找人指派”里指派'}
          </Text>
          <Text className="row__meta">
            {g.memberCount} 位成员 · {g.adminCount} 位轮值管理员
          </Text>
        </Card>
      ))}
    </>
  )
}

function Audit({
  state,
  names,
  onRetry,
}: {
  state: ReturnType<typeof useCloudQuery<{ items: AuditItem[] }>>['state']
  names: PlaceNames
  onRetry: () => void
}) {
  if (state.status === 'loading') return <StateView compact kind="loading" />
  if (state.status === 'error') return <StateView compact kind="error" description={state.error.message} onAction={onRetry} />
  if (state.data.items.length === 0) {
    return (
      <Card>
        <StateView compact kind="empty" glyph="记" title="还没有变更记录" />
      </Card>
    )
  }
  const today = shanghaiDate()
  return (
    <Card>
      {state.data.items.map((e) => {
        const change = auditChange(e, names)
        return (
          <View key={e.id} className="audit">
            <View className="audit__head">
              <Text className="audit__time">{noticeTime(e.at, today)}</Text>
              {e.outcome === 'denied' ? <Text className="tag tag--warning">被拒绝</Text> : null}
            </View>
            <Text className="audit__line">{auditSentence(e, names)}</Text>
            {change ? <Text className="audit__change">{change}</Text> : null}
          </View>
        )
      })}
    </Card>
  )
}
