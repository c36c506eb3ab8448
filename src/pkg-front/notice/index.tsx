/**
 * 群公告 — one notice, the page the group's share card opens: who posted it and when, the text and
 * photos; opening it records the read (members), a big 收到 button records the acknowledgement once;
 * a 安全提醒 offers to be told of the next one by WeChat message. The poster (still on duty), the
 * liaison and the admin on duty see the read figures and may share it into the group again, edit it
 * within the window, or withdraw it with a reason. `?posted=1` right after posting: share it now.
 * Docs: https://docs.taro.zone/docs/hooks#useshareappmessage
 */
import { Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import Card from '@/components/card'
import StateView from '@/components/state-view'
import { getNotice, type NoticeDetail } from '@/services/fronts'
import { NOTICE_CATEGORY, timeText } from '@/services/fronts/labels'
import CategoryTag from '../components/category-tag'
import PhotoGrid from '../components/photo-grid'
import ShareNotice from '../components/share-notice'
import { param, useFrontQuery } from '../utils/use-front-query'
import AckBar from './ack-bar'
import PosterTools from './poster-tools'
import './index.scss'

const ROLE = { admin: '轮值管理员', liaison: '联络员', town: '镇服务中心' } as const

function Head({ n }: { n: NoticeDetail }) {
  return (
    <View className="fr-band fr-noticepage__band">
      <CategoryTag category={n.category} pinned={n.pinned} />
      <Text className="fr-band__title fr-noticepage__title">{n.title}</Text>
      <Text className="fr-band__line">
        {ROLE[n.author.role]} {n.author.name} · {timeText(n.createdAt)}
        {n.edited ? ' · 已编辑' : ''}
      </Text>
      <Text className="fr-band__line">{n.groupName}</Text>
    </View>
  )
}

export default function NoticePage() {
  const router = useRouter()
  const id = param(router.params, 'id') ?? ''
  const { state, reload } = useFrontQuery(useCallback(() => getNotice(id), [id]))
  const [posted, setPosted] = useState(router.params.posted === '1')
  useShareAppMessage(() => ({
    title: state.status === 'ready' ? `【${NOTICE_CATEGORY[state.data.category].label}】${state.data.title}` : '群公告',
    path: `/pkg-front/notice/index?id=${id}`,
  }))

  if (!id) return <StateView kind="empty" glyph="告" title="没有指定公告" description="从群里的公告卡片或微阵地打开。" />
  if (state.status === 'loading') return <StateView kind="loading" title="正在打开公告…" />
  if (state.status === 'error')
    return <StateView kind="error" title="公告没有打开" description={state.error.message} onAction={() => void reload()} />
  const n = state.data
  return (
    <View className="page fr-noticepage">
      <Head n={n} />
      <View className="page__body">
        {posted && n.me.isAuthor ? (
          <Card className="fr-noticepage__posted">
            <Text className="fr-noticepage__posted-title">已发布</Text>
            <Text className="fr-note">发到群里，大家点开卡片就能看到，点“收到”你就知道谁看了。</Text>
            <ShareNotice path={n.sharePath} primary />
            <View className="fr-noticepage__later" onClick={() => setPosted(false)}>
              <Text>稍后再发</Text>
            </View>
          </Card>
        ) : null}
        {n.withdrawn ? (
          <Text className="warning-banner">
            这条公告已被 {n.withdrawn.by} 撤回：{n.withdrawn.reason}
          </Text>
        ) : (
          <Card>
            <Text className="fr-noticepage__body" userSelect>
              {n.body}
            </Text>
            <PhotoGrid photos={n.photos} />
            {n.expiresAt ? (
              <Text className="fr-note fr-noticepage__expiry">{`${n.state === 'expired' ? '已于' : ''}${timeText(n.expiresAt)} ${n.state === 'expired' ? '过期' : '到期'}`}</Text>
            ) : null}
          </Card>
        )}
        <AckBar notice={n} onChanged={() => void reload({ quiet: true })} />
        <PosterTools notice={n} onChanged={() => void reload({ quiet: true })} />
        <View
          className="fr-row fr-noticepage__front"
          hoverClass="fr-row--pressed"
          onClick={() => void Taro.navigateTo({ url: `/pkg-front/front/index?groupId=${n.groupId}` })}
        >
          <Text className="fr-row__title fr-row__main">进入{n.groupName}的微阵地</Text>
          <Text className="fr-row__chevron">›</Text>
        </View>
      </View>
    </View>
  )
}
