/**
 * 微阵地 — a WeChat group's front page (fronts.getFront, one call): who looks after the group (the
 * liaison, the admin on duty now), big doors to 问联络员 / 常见问题 (and to posting, the queue, my term
 * for those who may), pinned and recent notices (新 until read, ✓ after 收到), the duty, the FAQ, the
 * group's public figures (median first reply this week, answered) and its activity. Reached from 首页,
 * 我的, and straight from the group card (the card's page; the group comes from the group entry).
 * Docs: https://docs.taro.zone/docs/hooks#useshareappmessage
 */
import { Text, View } from '@tarojs/components'
import { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useCallback } from 'react'
import Card from '@/components/card'
import StateView from '@/components/state-view'
import { getFront } from '@/services/fronts'
import ShareNotice from '../components/share-notice'
import { param, useFrontQuery } from '../utils/use-front-query'
import FrontActions from './front-actions'
import FrontHero from './front-hero'
import { Activity, Duty, Faq, Notices } from './front-sections'
import NoGroup from './no-group'
import './index.scss'

export default function FrontPage() {
  const groupId = param(useRouter().params, 'groupId')
  const { state, reload } = useFrontQuery(useCallback(() => getFront(groupId), [groupId]))
  useShareAppMessage(() => ({
    title: state.status === 'ready' ? `${state.data.group.name} · 微阵地：公告、问联络员、值班表` : '小哥之家 · 微阵地',
    path: '/pkg-front/front/index',
  }))

  if (state.status === 'loading') return <StateView kind="loading" title="正在打开微阵地…" />
  if (state.status === 'error') {
    if (state.error.code === 'FAILED_PRECONDITION' || state.error.code === 'PERMISSION_DENIED') return <NoGroup code={state.error.code} />
    return <StateView kind="error" title="微阵地没有加载出来" description={state.error.message} onAction={() => void reload()} />
  }
  const f = state.data
  return (
    <View className="page fr-front">
      <FrontHero front={f} />
      <View className="page__body">
        <FrontActions front={f} />
        <Notices front={f} />
        <Duty front={f} />
        <Faq front={f} />
        <Activity front={f} />
        {f.me.canPost ? (
          <Card className="fr-front__invite">
            <Text className="fr-row__title">把微阵地发到群里</Text>
            <Text className="fr-note">群里的人点开卡片就到这一页：看公告、问联络员、看值班表。</Text>
            <ShareNotice path="pkg-front/front/index" label="发微阵地卡片" />
          </Card>
        ) : null}
      </View>
    </View>
  )
}
