/**
 * 联络员工作台 (liaison of a group; town sees every group, `?groupId=` opens one): pending
 * verifications (photo, full phone; approve, or reject with a reason), the group's members (give
 * a verified rider duty periods as the group's rotating administrator — 本周 / 下周 / chosen
 * Shanghai dates — or take them back), and an expiring invite link with its QR code (drawn on
 * the phone by @/utils/qr) for riders who cannot open the app from the group. With `?claim=1`
 * a liaison without a group claims the group the app was opened from.
 * Every action is checked again by the users function; this page only shows what it is given.
 */
import type { GroupSummary } from '@cloud/users/contract'
import { Button, Image, Input, Picker, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import Card from '@/components/card'
import StateView from '@/components/state-view'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { callFunction } from '@/services/cloud'
import {
  addDutyPeriod,
  claimGroup,
  createInvite,
  type DutyPeriodItem,
  decideVerification,
  fetchMe,
  type InviteResult,
  listMembers,
  listVerifications,
  type MemberItem,
  removeDutyPeriod,
  setAdmin,
  type VerificationItem,
} from '@/services/users'
import { groupEnterInfo } from '@/services/users/group-enter-info'
import { roleTags } from '@/utils/labels'
import { addDays, dutyRange, formatDutyRange, shanghaiDate } from '../utils/duty-dates'
import { inviteQrText } from '../utils/invite-link'
import InviteQr from './invite-qr'
import './index.scss'

type Tab = 'pending' | 'members' | 'invite'
const TABS: { key: Tab; label: string }[] = [
  { key: 'pending', label: '待审核' },
  { key: 'members', label: '群成员' },
  { key: 'invite', label: '邀请' },
]
const REASONS = ['照片看不清', '看不出是本人', '不是本群骑手']

async function loadGroups() {
  const me = await fetchMe()
  if (!me.ok) return me
  if (!me.data.roles.includes('town')) {
    return { ok: true as const, data: { me: me.data, groups: me.data.groups.filter((g) => g.isLiaison) } }
  }
  const all = await callFunction('users', 'listGroups', {})
  if (!all.ok) return all
  return { ok: true as const, data: { me: me.data, groups: all.data.groups as GroupSummary[] } }
}

export default function LiaisonConsole() {
  const router = useRouter()
  const { state, reload } = useCloudQuery(loadGroups)
  const [groupId, setGroupId] = useState<string | null>(null)
  const [tab, setTab] = useState<Tab>('pending')
  const [invite, setInvite] = useState<InviteResult | null>(null)

  useShareAppMessage(() =>
    invite ? { title: '加入小哥之家群：点开即可加入', path: `/${invite.path}` } : { title: '小哥之家', path: '/pages/index/index' },
  )

  const groups = state.status === 'ready' ? state.data.groups : []
  useEffect(() => {
    if (!groupId && groups.length) {
      const wanted = groups.find((g) => g.id === router.params.groupId)
      setGroupId((wanted ?? groups.find((g) => g.current) ?? groups[0]).id)
    }
  }, [groups, groupId, router.params.groupId])

  usePullDownRefresh(() => {
    void reload({ quiet: true }).finally(() => Taro.stopPullDownRefresh())
  })

  if (state.status === 'loading') return <StateView kind="loading" />
  if (state.status === 'error') return <StateView kind="error" description={state.error.message} onAction={() => void reload()} />

  if (router.params.claim === '1' || groups.length === 0) {
    return <ClaimGroup canClaim={state.data.me.canClaimGroup || state.data.me.roles.includes('town')} onClaimed={() => void reload()} />
  }

  return (
    <View className="page">
      <View className="page__body">
        {groups.length > 1 ? (
          <View className="chips console__groups">
            {groups.map((g) => (
              <View key={g.id} className={`chip${g.id === groupId ? ' chip--on' : ''}`} onClick={() => setGroupId(g.id)}>
                <Text>{g.name}</Text>
              </View>
            ))}
          </View>
        ) : (
          <View className="page-lead">
            <Text className="page-lead__title">{groups[0].name}</Text>
            <Text className="page-lead__text">{groups[0].memberCount} 位成员</Text>
          </View>
        )}
        <View className="console__tabs">
          {TABS.map((t) => (
            <View key={t.key} className={`console__tab${tab === t.key ? ' console__tab--on' : ''}`} onClick={() => setTab(t.key)}>
              <Text>{t.label}</Text>
            </View>
          ))}
        </View>
        {groupId && tab === 'pending' ? <PendingList key={groupId} groupId={groupId} /> : null}
        {groupId && tab === 'members' ? <Members key={groupId} groupId={groupId} /> : null}
        {groupId && tab === 'invite' ? <Invite groupId={groupId} invite={invite} onInvite={setInvite} /> : null}
      </View>
    </View>
  )
}

function PendingList({ groupId }: { groupId: string }) {
  const fetcher = useCallback(() => listVerifications(groupId), [groupId])
  const { state, reload } = useCloudQuery(fetcher)
  if (state.status === 'loading') return <StateView compact kind="loading" />
  if (state.status === 'error') return <StateView compact kind="error" description={state.error.message} onAction={() => void reload()} />
  if (state.data.items.length === 0) {
    return (
      <Card>
        <StateView compact kind="empty" glyph="审" title="没有待审核的认证" description="新的认证申请会出现在这里，按等待时间排序。" />
      </Card>
    )
  }
  return (
    <>
      {state.data.items.map((item) => (
        <Request key={item.id} item={item} onDone={() => void reload({ quiet: true })} />
      ))}
    </>
  )
}

function waiting(minutes: number): string {
  if (minutes < 60) return `等了 ${minutes} 分钟`
  if (minutes < 48 * 60) return `等了 ${Math.floor(minutes / 60)} 小时`
  return `等了 ${Math.floor(minutes / 1440)} 天`
}

function Request({ item, onDone }: { item: VerificationItem; onDone: () => void }) {
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function decide(approve: boolean) {
    setError(null)
    if (!approve && reason.trim().length < 2) return setError('请写明不通过的原因')
    setBusy(true)
    const r = await decideVerification(item.id, approve, approve ? undefined : reason.trim())
    setBusy(false)
    if (!r.ok) return setError(r.error.message)
    void Taro.showToast({ title: approve ? '已通过' : '已驳回', icon: 'none' })
    onDone()
  }

  return (
    <Card className="request">
      <View className="request__head">
        <Text className="request__name">{item.nickname}</Text>
        <Text className="request__wait">{waiting(item.waitingMinutes)}</Text>
      </View>
      <Text className="request__meta">
        {item.workType} · {item.platform}
        {item.phone ? ` · ${item.phone}` : ''}
      </Text>
      {item.photoUrl ? (
        <Image
          className="request__photo"
          src={item.photoUrl}
          mode="aspectFit"
          onClick={() => void Taro.previewImage({ urls: [item.photoUrl as string] })}
        />
      ) : (
        <Text className="request__meta">（没有照片，请在群里核实）</Text>
      )}
      {rejecting ? (
        <View className="request__reasons">
          <View className="chips">
            {REASONS.map((r) => (
              <View key={r} className={`chip${reason === r ? ' chip--on' : ''}`} onClick={() => setReason(r)}>
                <Text>{r}</Text>
              </View>
            ))}
          </View>
          <Input
            className="form__input request__reason"
            value={reason}
            maxlength={60}
            placeholder="或写下原因"
            onInput={(e) => setReason(e.detail.value)}
          />
        </View>
      ) : null}
      {error ? <Text className="form__error">{error}</Text> : null}
      <View className="request__actions">
        {rejecting ? (
          <>
            <Button className="button-secondary request__action" onClick={() => setRejecting(false)}>
              取消
            </Button>
            <Button
              className="button-primary request__action request__reject-confirm"
              disabled={busy ? true : undefined}
              onClick={() => void decide(false)}
            >
              确认不通过
            </Button>
          </>
        ) : (
          <>
            <Button className="button-secondary request__action request__reject" onClick={() => setRejecting(true)}>
              不通过
            </Button>
            <Button
              className="button-primary request__action request__approve"
              hoverClass="button-primary--hover"
              disabled={busy ? true : undefined}
              onClick={() => void decide(true)}
            >
              通过
            </Button>
          </>
        )}
      </View>
    </Card>
  )
}

const VERIFY_LABEL = { approved: '已认证', pending: '审核中', rejected: '未通过', none: '未认证' } as const

function Members({ groupId }: { groupId: string }) {
  const fetcher = useCallback(() => listMembers(groupId), [groupId])
  const { state, reload } = useCloudQuery(fetcher)
  const [planning, setPlanning] = useState<string | null>(null)
  if (state.status === 'loading') return <StateView compact kind="loading" />
  if (state.status === 'error') return <StateView compact kind="error" description={state.error.message} onAction={() => void reload()} />

  async function revokeAdmin(m: MemberItem) {
    const ok = await Taro.showModal({
      title: '取消轮值管理员？',
      content: `${m.nickname} 将不能再发布群公告，已安排的值班也一并取消。`,
    })
    if (!ok.confirm) return
    const r = await setAdmin(m.openid, groupId, false)
    void Taro.showToast({ title: r.ok ? '已更新' : r.error.message, icon: 'none' })
    void reload({ quiet: true })
  }

  async function cancelDuty(m: MemberItem, p: DutyPeriodItem) {
    const ok = await Taro.showModal({ title: '取消这段值班？', content: `${m.nickname} ${formatDutyRange(p.start, p.end)}` })
    if (!ok.confirm) return
    const r = await removeDutyPeriod(m.openid, p.id)
    void Taro.showToast({ title: r.ok ? '已取消' : r.error.message, icon: 'none' })
    void reload({ quiet: true })
  }

  const members = [...state.data.members].sort((a, b) => Number(b.onDuty) - Number(a.onDuty) || Number(b.isAdmin) - Number(a.isAdmin))
  return (
    <Card>
      {members.map((m) => {
        const upcoming = m.duty.filter((p) => !p.ended)
        return (
          <View key={m.openid} className="member">
            <View className="row member__row">
              <View className="row__main">
                <Text className="row__title">{m.nickname}</Text>
                <Text className="row__meta">{[m.workType, m.phone].filter(Boolean).join(' · ') || '未填写工种'}</Text>
                <View className="row__tags">
                  {m.onDuty ? <Text className="tag tag--primary">值班中</Text> : null}
                  {m.verification === 'none' && (m.isLiaison || m.roles.includes('staff')) ? null : (
                    <Text className={`tag ${m.verification === 'approved' ? 'tag--success' : 'tag--warning'}`}>
                      {VERIFY_LABEL[m.verification]}
                    </Text>
                  )}
                  {roleTags(m.roles)
                    .filter((l) => l !== '小哥')
                    .map((l) => (
                      <Text key={l} className="tag">
                        {l}
                      </Text>
                    ))}
                </View>
              </View>
              {m.verification === 'approved' && !m.isLiaison && planning !== m.openid ? (
                <Button className="button-secondary small-button member__plan" onClick={() => setPlanning(m.openid)}>
                  安排值班
                </Button>
              ) : null}
            </View>
            {upcoming.map((p) => (
              <View key={p.id} className="duty">
                <Text className={`duty__range${p.current ? ' duty__range--now' : ''}`}>
                  {p.current ? '值班中 ' : '将值班 '}
                  {formatDutyRange(p.start, p.end)}
                </Text>
                <View className="duty__cancel" hoverClass="me__entry--pressed" onClick={() => void cancelDuty(m, p)}>
                  <Text>取消</Text>
                </View>
              </View>
            ))}
            {planning === m.openid ? (
              <DutyForm
                member={m}
                groupId={groupId}
                onDone={(changed) => {
                  setPlanning(null)
                  if (changed) void reload({ quiet: true })
                }}
              />
            ) : null}
            {m.isAdmin && planning !== m.openid ? (
              <View className="member__revoke" hoverClass="me__entry--pressed" onClick={() => void revokeAdmin(m)}>
                <Text>取消管理员</Text>
              </View>
            ) : null}
          </View>
        )
      })}
    </Card>
  )
}

/** Monday of the Shanghai week containing `date`. */
function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
  return addDays(date, -((weekday + 6) % 7))
}

function DutyForm({ member, groupId, onDone }: { member: MemberItem; groupId: string; onDone: (changed: boolean) => void }) {
  const today = shanghaiDate()
  const monday = mondayOf(today)
  const presets = [
    { key: 'this', label: '本周', from: today, to: addDays(monday, 6) },
    { key: 'next', label: '下周', from: addDays(monday, 7), to: addDays(monday, 13) },
  ]
  const [from, setFrom] = useState(presets[0].from)
  const [to, setTo] = useState(presets[0].to)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function save() {
    setError(null)
    if (to < from) return setError('结束日期不能早于开始日期')
    setBusy(true)
    const range = dutyRange(from, to)
    const r = await addDutyPeriod(member.openid, groupId, range.start, range.end)
    setBusy(false)
    if (!r.ok) return setError(r.error.message)
    void Taro.showToast({ title: '已安排', icon: 'none' })
    onDone(true)
  }

  return (
    <View className="duty-form">
      <Text className="form__label">{member.nickname} 的值班时间</Text>
      <View className="chips">
        {presets.map((p) => (
          <View
            key={p.key}
            className={`chip${from === p.from && to === p.to ? ' chip--on' : ''} duty-form__preset`}
            onClick={() => {
              setFrom(p.from)
              setTo(p.to)
            }}
          >
            <Text>{p.label}</Text>
          </View>
        ))}
      </View>
      <View className="duty-form__dates">
        <Picker mode="date" value={from} start={today} onChange={(e) => setFrom(String(e.detail.value))}>
          <View className="form__input duty-form__date">
            <Text>从 {formatDutyRange(`${from}T00:00:00+08:00`, `${addDays(from, 1)}T00:00:00+08:00`)}</Text>
          </View>
        </Picker>
        <Picker mode="date" value={to} start={from} onChange={(e) => setTo(String(e.detail.value))}>
          <View className="form__input duty-form__date">
            <Text>到 {formatDutyRange(`${to}T00:00:00+08:00`, `${addDays(to, 1)}T00:00:00+08:00`)}</Text>
          </View>
        </Picker>
      </View>
      <Text className="form__hint">从第一天 0 点到最后一天 24 点（北京时间）。值班期间可以发布群公告。</Text>
      {error ? <Text className="form__error duty-form__error">{error}</Text> : null}
      <View className="request__actions">
        <Button className="button-secondary request__action" onClick={() => onDone(false)}>
          取消
        </Button>
        <Button className="button-primary request__action duty-form__save" disabled={busy ? true : undefined} onClick={() => void save()}>
          确定安排
        </Button>
      </View>
    </View>
  )
}

function Invite({ groupId, invite, onInvite }: { groupId: string; invite: InviteResult | null; onInvite: (i: InviteResult) => void }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  async function make() {
    setBusy(true)
    setError(null)
    const r = await createInvite(groupId)
    setBusy(false)
    if (r.ok) onInvite(r.data)
    else setError(r.error.message)
  }
  return (
    <Card>
      <Text className="note">给没法从群里打开小程序的小哥：生成邀请链接，发给他或转发小程序卡片。链接 3 天内有效，只能加入这个群。</Text>
      {invite ? (
        <>
          <InviteQr text={inviteQrText(invite.token)} />
          <Text className="invite__qr-hint">请小哥用微信扫一扫</Text>
          <Text className="invite__path">{invite.path}</Text>
          <Text className="form__hint">有效期至 {invite.expiresAt.slice(0, 16).replace('T', ' ')}</Text>
        </>
      ) : null}
      {error ? <Text className="form__error">{error}</Text> : null}
      <View className="invite__actions">
        {invite ? (
          <>
            <Button className="button-primary" openType="share">
              转发邀请卡片
            </Button>
            <Button className="button-secondary" onClick={() => void Taro.setClipboardData({ data: inviteQrText(invite.token) })}>
              复制邀请链接
            </Button>
          </>
        ) : (
          <Button
            className="button-primary invite__make"
            hoverClass="button-primary--hover"
            disabled={busy ? true : undefined}
            onClick={() => void make()}
          >
            生成邀请链接
          </Button>
        )}
      </View>
    </Card>
  )
}

function ClaimGroup({ canClaim, onClaimed }: { canClaim: boolean; onClaimed: () => void }) {
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (!canClaim) {
    return (
      <View className="page">
        <StateView
          kind="empty"
          glyph="群"
          title="你还没有负责的群"
          description="请联系镇里为你指派联络员身份，然后从你负责的微信群里打开小程序认领。"
        />
      </View>
    )
  }
  async function claim() {
    setError(null)
    if (name.trim().length < 2) return setError('请填写群名称')
    setBusy(true)
    const ref = await groupEnterInfo()
    if (!ref) {
      setBusy(false)
      return setError('请从要认领的微信群里点开小程序卡片，再来认领')
    }
    const r = await claimGroup(ref, name.trim())
    setBusy(false)
    if (!r.ok) return setError(r.error.message)
    await Taro.showToast({ title: '认领成功', icon: 'success' })
    void Taro.redirectTo({ url: '/pkg-me/liaison/index' }).catch(onClaimed)
  }
  return (
    <View className="page">
      <View className="page__body">
        <View className="page-lead">
          <Text className="page-lead__title">认领这个群</Text>
          <Text className="page-lead__text">认领后你就是这个群的联络员；群里的小哥从群里打开小程序就会自动加入。</Text>
        </View>
        <Card>
          <View className="form__field">
            <Text className="form__label">群名称</Text>
            <Input
              className="form__input claim__name"
              value={name}
              maxlength={30}
              placeholder="例如 周浦万达骑手之家群"
              onInput={(e) => setName(e.detail.value)}
            />
          </View>
          {error ? <Text className="form__error">{error}</Text> : null}
          <Button className="button-primary form__submit claim__submit" disabled={busy ? true : undefined} onClick={() => void claim()}>
            认领
          </Button>
        </Card>
      </View>
    </View>
  )
}
