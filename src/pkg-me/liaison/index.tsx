/**
 * 联络员工作台 (liaison of a group; town sees every group): pending verifications (photo, full
 * phone; approve, or reject with a reason), the group's members (make a verified rider an on-duty
 * administrator or take it back), and an expiring invite link for riders who cannot open the app
 * from the group. With `?claim=1` a liaison without a group claims the group the app was opened from.
 * Every action is checked again by the users function; this page only shows what it is given.
 */
import type { GroupSummary } from '@cloud/users/contract'
import { Button, Image, Input, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import Card from '@/components/card'
import StateView from '@/components/state-view'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { callFunction } from '@/services/cloud'
import {
  claimGroup,
  createInvite,
  decideVerification,
  fetchMe,
  type InviteResult,
  listMembers,
  listVerifications,
  type MemberItem,
  setAdmin,
  type VerificationItem,
} from '@/services/users'
import { groupEnterInfo } from '@/services/users/group-enter-info'
import { roleTags } from '@/utils/labels'
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
    if (!groupId && groups.length) setGroupId((groups.find((g) => g.current) ?? groups[0]).id)
  }, [groups, groupId])

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
  if (state.status === 'loading') return <StateView compact kind="loading" />
  if (state.status === 'error') return <StateView compact kind="error" description={state.error.message} onAction={() => void reload()} />

  async function toggleAdmin(m: MemberItem) {
    const ok = await Taro.showModal({
      title: m.isAdmin ? '取消轮值管理员？' : '设为轮值管理员？',
      content: m.isAdmin ? `${m.nickname} 将不能再发布群公告。` : `${m.nickname} 在值班期间可以发布群公告。`,
    })
    if (!ok.confirm) return
    const r = await setAdmin(m.openid, groupId, !m.isAdmin)
    void Taro.showToast({ title: r.ok ? '已更新' : r.error.message, icon: 'none' })
    void reload({ quiet: true })
  }

  return (
    <Card>
      {state.data.members.map((m) => (
        <View key={m.openid} className="row">
          <View className="row__main">
            <Text className="row__title">{m.nickname}</Text>
            <Text className="row__meta">{[m.workType, m.phone].filter(Boolean).join(' · ') || '未填写工种'}</Text>
            <View className="row__tags">
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
          {m.verification === 'approved' && !m.isLiaison ? (
            <Button className="button-secondary small-button" onClick={() => void toggleAdmin(m)}>
              {m.isAdmin ? '取消管理员' : '设为管理员'}
            </Button>
          ) : null}
        </View>
      ))}
    </Card>
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
            <Button className="button-secondary" onClick={() => void Taro.setClipboardData({ data: invite.path })}>
              复制链接
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
