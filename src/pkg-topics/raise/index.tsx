/**
 * 提议题: title, category, what happened, where, photos. Similar open topics show up while typing, so
 * a rider can support one instead; texts and photos are checked before anyone sees them; sent once.
 * Opened with ?fromQuestion=<id> (the liaison's 转为议题 on a question): the question's words as the
 * description, the liaison let through, the topic sent with fromQuestionId (the asker stays anonymous).
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/api/location/wx.chooseLocation.html  ·
 *       https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.chooseImage.html
 */
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Card from '@/components/card'
import PrivacyPopup from '@/components/privacy-popup'
import StateView from '@/components/state-view'
import { topicPath } from '../format'
import RaiseFields from './raise-fields'
import Similar from './similar'
import { problemOf, useRaise } from './use-raise'
import './index.scss'

export default function RaisePage() {
  const r = useRaise()
  const s = r.setup.state
  if (s.status === 'loading') return <StateView kind="loading" />
  if (s.status === 'error')
    return <StateView kind="error" title="没有打开" description={s.error.message} onAction={() => void r.setup.reload()} />
  const q = s.data.question
  const gate = gateOf(s.data)
  if (gate) return gate

  async function submit() {
    if (r.sending) return
    const done = await r.send()
    if ('id' in done) {
      void Taro.showToast({ title: '已提交，联络员会尽快受理', icon: 'none', duration: 2500 })
      void Taro.redirectTo({ url: topicPath(done.id) })
      return
    }
    const content = typeof done.error === 'string' ? done.error : done.error.message
    void Taro.showModal({ title: '没有提交成功', content, showCancel: false, confirmText: '知道了' })
  }

  const problem = problemOf(r.form)
  return (
    <View className="page raise">
      <PrivacyPopup />
      <View className="page__body">
        <View className="page-lead">
          <Text className="page-lead__title">{q ? '把问题转为议题' : '提一个议题'}</Text>
          {q ? (
            <Text className="page-lead__text raise__from-question">议题来自群里的这个问题，提问人不公开，作者显示为你。</Text>
          ) : (
            <Text className="page-lead__text">说清楚遇到的难处。大家支持得多，联络员会排进议事会，并在期限内书面答复。</Text>
          )}
        </View>
        <Card>
          <RaiseFields
            similar={<Similar topics={r.similar} />}
            form={r.form}
            set={r.set}
            categories={s.data.categories}
            pickPlace={() => void r.pickPlace()}
          />
        </Card>
        <Button
          className="button-primary raise__send"
          hoverClass="button-primary--hover"
          disabled={Boolean(r.sending) || undefined}
          onClick={() => void submit()}
        >
          {r.sending ?? '提交议题'}
        </Button>
        {problem ? (
          <Text className="raise__problem">{problem}</Text>
        ) : (
          <Text className="raise__problem">提交后所有人都看得到，联络员会收到提醒。</Text>
        )}
      </View>
    </View>
  )
}

type Setup = Extract<ReturnType<typeof useRaise>['setup']['state'], { status: 'ready' }>['data']

/** Who may not fill the form: a question already a topic (open it), or not a verified rider (nor the liaison raising it from a question). */
function gateOf({ question: q, role }: Setup) {
  if (q?.topicId)
    return (
      <StateView
        kind="empty"
        glyph="议"
        title="这个问题已转为议题"
        actionText="去看议题"
        onAction={() => void Taro.redirectTo({ url: topicPath(q.topicId as string) })}
      />
    )
  // the group's liaison (or town) raises it from a question for the group, without being a verified rider
  if (!role.canRaise && !q?.me.canRaiseTopic)
    return (
      <StateView
        kind="empty"
        glyph="议"
        title="认证后才能提议题"
        description={role.hint ?? ''}
        actionText="去“我的”认证"
        onAction={() => void Taro.switchTab({ url: '/pages/me/index' })}
      />
    )
  return null
}
