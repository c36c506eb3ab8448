/**
 * 我的: who I am (from ONE call, `users.getMe`): profile, verification state, my groups (switch,
 * leave), my roles and the consoles they open; the group I just opened the app from.
 * Docs: https://docs.taro.zone/docs/hooks#usepulldownrefresh  ·
 *       https://developers.weixin.qq.com/miniprogram/dev/api/open-api/group/wx.getGroupEnterInfo.html
 */

import type { Role } from '@cloud/_lib/roles'
import type { MeData } from '@cloud/users/contract'
import { Button, Image, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useRef } from 'react'
import Card from '@/components/card'
import PrivacyPopup from '@/components/privacy-popup'
import SectionHeader from '@/components/section-header'
import StateView from '@/components/state-view'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { useGroupEntry } from '@/hooks/use-group-entry'
import { useShareCard } from '@/hooks/use-share-card'
import { fetchMe, leaveGroup, switchGroup } from '@/services/users'
import { roleLabel, roleTags } from '@/utils/labels'
import './index.scss'

interface Entry {
  title: string
  hint: string
  url?: string
}

const PKG = '/pkg-me'

/** What each role can do from here; shown in this order. Entries without a url are not built yet. */
const ENTRIES: { role: Role; entries: Entry[] }[] = [
  {
    role: 'rider',
    entries: [
      { title: '我的爱心餐预约', hint: '取餐码、保温柜号' },
      { title: '我提的议题', hint: '看进展和结果' },
      { title: '问联络员', hint: '有问题在线问' },
    ],
  },
  {
    role: 'admin',
    entries: [
      { title: '发布群公告', hint: '轮值期间可发' },
      { title: '值班表', hint: '轮值和交接' },
    ],
  },
  {
    role: 'liaison',
    entries: [
      { title: '认证审核与群成员', hint: '审核、值班、邀请', url: `${PKG}/liaison/index` },
      { title: '待回答的问题', hint: '按等待时间排序' },
    ],
  },
  {
    role: 'staff',
    entries: [
      { title: '驿站状态', hint: '更新开放和服务' },
      { title: '核销取餐', hint: '输入取餐码' },
    ],
  },
  {
    role: 'town',
    entries: [
      { title: '镇里工作台', hint: '指派联络员和站点人员、变更记录', url: `${PKG}/town/index` },
      { title: '各群的审核与成员', hint: '认证、值班、邀请', url: `${PKG}/liaison/index` },
    ],
  },
]

function open(entry: Entry) {
  if (entry.url) void Taro.navigateTo({ url: entry.url })
  else void Taro.showToast({ title: '这个功能马上上线', icon: 'none', duration: 2000 })
}

const VERIFY_TEXT: Record<MeData['verification']['state'], { tag: string; tone: string; title: string; text: string; action: string }> = {
  none: {
    tag: '未认证',
    tone: 'warning',
    title: '认证成为小哥',
    text: '认证后可以预约15元爱心餐、发起和支持议题。填写工种和平台，拍一张工牌或接单页，联络员审核。',
    action: '去认证',
  },
  pending: { tag: '审核中', tone: 'warning', title: '认证审核中', text: '联络员会尽快审核，结果会通知你。', action: '查看申请' },
  rejected: { tag: '未通过', tone: 'warning', title: '认证没有通过', text: '', action: '重新申请' },
  approved: { tag: '已认证', tone: 'success', title: '', text: '', action: '' },
}

export default function MePage() {
  const { state, reload } = useCloudQuery(fetchMe)
  const shown = useRef(false)
  const reloadQuietly = useCallback(() => void reload({ quiet: true }), [reload])
  const { entry, retry } = useGroupEntry(reloadQuietly)
  useShareCard('小哥之家：找驿站、订爱心餐、有事一起商量', '/pages/index/index')

  usePullDownRefresh(() => {
    void reload({ quiet: true }).finally(() => Taro.stopPullDownRefresh())
  })
  // back from editing or verifying: show the new state
  useDidShow(() => {
    if (shown.current) reloadQuietly()
    shown.current = true
  })

  if (state.status === 'loading') {
    return (
      <View className="page">
        <StateView kind="loading" />
      </View>
    )
  }
  if (state.status === 'error') {
    return (
      <View className="page">
        <StateView kind="error" title="没有加载出你的信息" description={state.error.message} onAction={() => void reload()} />
      </View>
    )
  }

  const me = state.data
  const labels = roleTags(me.roles)
  const sections = ENTRIES.filter((group) => me.roles.includes(group.role))
  const initial = me.nickname.trim().slice(0, 1) || '我'
  const verify = VERIFY_TEXT[me.verification.state]

  async function onSwitch(groupId: string) {
    const r = await switchGroup(groupId)
    if (!r.ok) void Taro.showToast({ title: r.error.message, icon: 'none' })
    reloadQuietly()
  }
  async function onLeave(groupId: string, name: string) {
    const ok = await Taro.showModal({ title: '退出这个群？', content: `退出“${name}”后将看不到它的公告，可以从群里重新打开小程序加入。` })
    if (!ok.confirm) return
    const r = await leaveGroup(groupId)
    void Taro.showToast({ title: r.ok ? '已退出' : r.error.message, icon: 'none' })
    reloadQuietly()
  }

  return (
    <View className="page">
      <PrivacyPopup />
      <View className="me__profile">
        <View className="me__avatar">
          {me.avatarUrl ? <Image className="me__avatar-image" src={me.avatarUrl} mode="aspectFill" /> : <Text>{initial}</Text>}
        </View>
        <View className="me__who">
          <Text className="me__name">{me.nickname}</Text>
          <View className="me__tags">
            <Text className={`tag tag--${verify.tone}`}>{verify.tag}</Text>
            {labels.map((label) => (
              <Text key={label} className="tag">
                {label}
              </Text>
            ))}
          </View>
          {me.workType ? <Text className="me__work">{[me.workType, me.platform].filter(Boolean).join(' · ')}</Text> : null}
        </View>
        <Button className="me__edit" hoverClass="me__edit--pressed" onClick={() => void Taro.navigateTo({ url: `${PKG}/profile/index` })}>
          编辑资料
        </Button>
      </View>

      <View className="page__body">
        <GroupEntryBanner entry={entry} onRetry={retry} />

        <View
          className={`me__notices${me.unreadNotices ? ' me__notices--unread' : ''}`}
          hoverClass="me__entry--pressed"
          onClick={() => void Taro.navigateTo({ url: `${PKG}/notices/index` })}
        >
          <Text className="me__entry-title">我的通知</Text>
          <View className="me__entry-right">
            {me.unreadNotices ? (
              <Text className="me__badge">{me.unreadNotices > 99 ? '99+' : me.unreadNotices} 条未读</Text>
            ) : (
              <Text className="me__entry-hint">没有新通知</Text>
            )}
            <Text className="me__entry-chevron">›</Text>
          </View>
        </View>

        {me.verification.state === 'approved' || me.roles.includes('liaison') || me.roles.includes('town') ? null : (
          <Card className="me__verify">
            <Text className="me__verify-title">{verify.title}</Text>
            <Text className="me__verify-text">
              {me.verification.state === 'rejected' ? `原因：${me.verification.reason ?? '未说明'}。可以补充材料后重新申请。` : verify.text}
            </Text>
            <Button
              className="button-primary me__verify-action"
              hoverClass="button-primary--hover"
              onClick={() => void Taro.navigateTo({ url: `${PKG}/verify/index` })}
            >
              {verify.action}
            </Button>
          </Card>
        )}

        <SectionHeader title="我的群" />
        <Card>
          {me.groups.length === 0 ? (
            <Text className="me__note">还没有加入小哥群。从你所在的微信群里点开小程序卡片，就会自动加入；也可以请联络员发邀请链接。</Text>
          ) : (
            me.groups.map((g) => (
              <View key={g.id} className="me__group">
                <View className="me__group-main" onClick={() => (g.current ? undefined : void onSwitch(g.id))}>
                  <Text className="me__group-name">{g.name}</Text>
                  <View className="me__group-tags">
                    {g.current ? <Text className="tag tag--primary">当前</Text> : null}
                    {g.isLiaison ? <Text className="tag">联络员</Text> : null}
                    {g.onDuty ? (
                      <Text className="tag tag--primary">值班中</Text>
                    ) : g.isAdmin ? (
                      <Text className="tag">轮值管理员</Text>
                    ) : null}
                    <Text className="me__group-count">{g.memberCount} 人</Text>
                  </View>
                </View>
                {g.current ? null : (
                  <Button
                    className="button-secondary me__group-button"
                    hoverClass="button-secondary--hover"
                    onClick={() => void onSwitch(g.id)}
                  >
                    切换
                  </Button>
                )}
                {g.isLiaison ? null : (
                  <View className="me__group-leave" hoverClass="me__entry--pressed" onClick={() => void onLeave(g.id, g.name)}>
                    <Text>退出</Text>
                  </View>
                )}
              </View>
            ))
          )}
        </Card>

        {sections.length === 0 ? null : (
          <>
            <SectionHeader title="我的服务" />
            {sections.map((group) => (
              <Card key={group.role} className="me__entries">
                <Text className="me__entries-role">{roleLabel(group.role)}</Text>
                {group.entries.map((e) => (
                  <View key={e.title} className="me__entry" hoverClass="me__entry--pressed" onClick={() => open(e)}>
                    <Text className="me__entry-title">{e.title}</Text>
                    <View className="me__entry-right">
                      <Text className="me__entry-hint">{e.hint}</Text>
                      <Text className="me__entry-chevron">›</Text>
                    </View>
                  </View>
                ))}
              </Card>
            ))}
          </>
        )}

        <SectionHeader title="隐私与帮助" />
        <Card className="me__entries me__entries--plain">
          <View className="me__entry" hoverClass="me__entry--pressed" onClick={() => void Taro.navigateTo({ url: `${PKG}/privacy/index` })}>
            <Text className="me__entry-title">隐私与个人信息</Text>
            <View className="me__entry-right">
              <Text className="me__entry-hint">收集了什么、怎么删除</Text>
              <Text className="me__entry-chevron">›</Text>
            </View>
          </View>
          <Text className="me__about">
            小哥之家是镇里为外卖、快递、网约车司机等新就业群体办的服务小程序：找驿站、订爱心餐、有事一起商量。
          </Text>
        </Card>
      </View>
    </View>
  )
}

function GroupEntryBanner({ entry, onRetry }: { entry: ReturnType<typeof useGroupEntry>['entry']; onRetry: () => void }) {
  if (entry.status === 'entering') return <Text className="me__banner">正在加入你所在的小哥群…</Text>
  if (entry.status === 'failed') {
    return (
      <Card className="me__banner-card">
        <Text className="me__note">没能加入打开小程序的这个群：{entry.error.message}</Text>
        <Button className="button-secondary me__banner-action" hoverClass="button-secondary--hover" onClick={onRetry}>
          重试
        </Button>
      </Card>
    )
  }
  if (entry.status !== 'done') return null
  const { result } = entry
  if (result.status === 'joined' && result.group) return <Text className="me__banner me__banner--ok">已加入“{result.group.name}”</Text>
  if (result.status === 'unclaimed') {
    return (
      <Card className="me__banner-card">
        <Text className="me__note">
          {result.canClaim ? '这个群还没有联络员认领。你是联络员，可以认领它。' : '这个群还没有开通小哥之家，请联系群里的联络员。'}
        </Text>
        {result.canClaim ? (
          <Button
            className="button-primary me__banner-action"
            hoverClass="button-primary--hover"
            onClick={() => void Taro.navigateTo({ url: `${PKG}/liaison/index?claim=1` })}
          >
            认领这个群
          </Button>
        ) : null}
      </Card>
    )
  }
  return null
}
