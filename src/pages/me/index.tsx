/**
 * 我的: who I am (from ONE call, `users.getMe`): profile, verification state (never asked of people
 * appointed by the town), my groups (switch, leave), the consoles my roles open; the group I just
 * opened the app from. The pieces are in ./components.
 * Docs: https://docs.taro.zone/docs/hooks#usepulldownrefresh  ·
 *       https://developers.weixin.qq.com/miniprogram/dev/api/open-api/group/wx.getGroupEnterInfo.html
 */
import { View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useRef } from 'react'
import PrivacyPopup from '@/components/privacy-popup'
import StateView from '@/components/state-view'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { useGroupEntry } from '@/hooks/use-group-entry'
import { useShareCard } from '@/hooks/use-share-card'
import { fetchMe } from '@/services/users'
import GroupEntryBanner from './components/group-entry-banner'
import MyGroups from './components/my-groups'
import MyServices from './components/my-services'
import NextMealRow from './components/next-meal-row'
import NoticesRow from './components/notices-row'
import PrivacyHelp from './components/privacy-help'
import ProfileHeader from './components/profile-header'
import VerifyCard from './components/verify-card'
import './index.scss'

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

  if (state.status !== 'ready') {
    return (
      <View className="page">
        {state.status === 'loading' ? (
          <StateView kind="loading" />
        ) : (
          <StateView kind="error" title="没有加载出你的信息" description={state.error.message} onAction={() => void reload()} />
        )}
      </View>
    )
  }
  const me = state.data
  return (
    <View className="page">
      <PrivacyPopup />
      <ProfileHeader me={me} />
      <View className="page__body">
        <GroupEntryBanner entry={entry} onRetry={retry} />
        <NoticesRow unread={me.unreadNotices} />
        {me.verified ? <NextMealRow /> : null}
        <VerifyCard me={me} />
        <MyGroups me={me} onChanged={reloadQuietly} />
        <MyServices me={me} />
        <PrivacyHelp openid={me.openid} />
      </View>
    </View>
  )
}
