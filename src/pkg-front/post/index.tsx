/**
 * 发布群公告 (the admin on duty, the liaison) — or 修改 with `?id=` within the edit window. Checked
 * again by the server at the moment of sending: an admin whose term has just ended is refused. After
 * posting, the notice opens with a big 发到群里 (the share card) so it reaches the group in one tap.
 */
import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import PrivacyPopup from '@/components/privacy-popup'
import StateView from '@/components/state-view'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { getFront, getNotice } from '@/services/fronts'
import { param } from '../utils/use-front-query'
import { expiryOf } from './expiry-field'
import NoticeForm, { type Draft } from './notice-form'
import { newRequestId, sendEdit, sendNew } from './submit'
import './index.scss'

const EMPTY: Draft = { category: 'notice', title: '', body: '', pinned: false, expiry: { kind: 'never' }, photos: [] }

/** Where the form starts: the group (new) or the notice being edited. */
async function load(groupId: string | undefined, noticeId: string | undefined) {
  if (noticeId) {
    const n = await getNotice(noticeId)
    if (!n.ok) return n
    const d = n.data
    const draft: Draft = {
      category: d.category,
      title: d.title,
      body: d.body,
      pinned: d.pinned,
      expiry: expiryOf(d.expiresAt),
      photos: d.photos.map((p) => ({ key: p.fileId, src: p.url ?? '', fileId: p.fileId })),
    }
    return { ok: true as const, data: { groupId: d.groupId, groupName: d.groupName, allowed: d.me.canEdit, draft } }
  }
  const f = await getFront(groupId)
  if (!f.ok) return f
  return { ok: true as const, data: { groupId: f.data.group.id, groupName: f.data.group.name, allowed: f.data.me.canPost, draft: EMPTY } }
}

export default function PostPage() {
  const router = useRouter()
  const noticeId = param(router.params, 'id')
  const groupId = param(router.params, 'groupId')
  const { state, reload } = useCloudQuery(useCallback(() => load(groupId, noticeId), [groupId, noticeId]))
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const requestId = useRef(newRequestId())
  useEffect(() => {
    if (state.status === 'ready') setDraft(state.data.draft)
  }, [state])

  if (state.status === 'loading') return <StateView kind="loading" />
  if (state.status === 'error') return <StateView kind="error" description={state.error.message} onAction={() => void reload()} />
  const { groupName, allowed } = state.data
  if (!allowed)
    return (
      <StateView
        kind="empty"
        glyph="班"
        title={noticeId ? '这条公告现在不能修改' : '你现在不在值班'}
        description={
          noticeId
            ? '发布超过可以修改的时间，或你的值班已经结束。可以请联络员处理。'
            : '轮值管理员在自己值班的时候才能发群公告；有急事请找联络员。'
        }
        actionText="返回"
        onAction={() => void Taro.navigateBack()}
      />
    )

  const ready = draft.title.trim().length >= 2 && draft.body.trim().length >= 2
  async function send() {
    if (!ready || sending || state.status !== 'ready') return
    setSending(true)
    setError(null)
    const r = noticeId ? await sendEdit(noticeId, draft) : await sendNew(state.data.groupId, draft, requestId.current)
    setSending(false)
    if (!r.ok)
      return setError(
        r.error.code === 'PERMISSION_DENIED' ? '你现在不在值班（值班已经结束），不能再发或改公告；有急事请找联络员。' : r.error.message,
      )
    if (noticeId) return void Taro.navigateBack()
    void Taro.redirectTo({ url: `/pkg-front/notice/index?id=${r.data.id}&posted=1` })
  }

  return (
    <View className="page fr-post">
      <PrivacyPopup />
      <View className="page__body">
        <View className="page-lead">
          <Text className="page-lead__title">
            {noticeId ? '修改公告' : '发到'}
            {noticeId ? '' : groupName}
          </Text>
          <Text className="page-lead__text">发出去前会做内容安全检查；发布后可以一键发到群里，看谁读了、谁点了收到。</Text>
        </View>
        <NoticeForm draft={draft} onChange={setDraft} />
        {error ? <Text className="form-error">{error}</Text> : null}
        <Button
          className="button-primary form-submit fr-post__send"
          hoverClass="button-primary--hover"
          disabled={!ready || sending || undefined}
          onClick={() => void send()}
        >
          {sending ? '正在发送…' : noticeId ? '保存修改' : '发布'}
        </Button>
      </View>
    </View>
  )
}
