/**
 * 我的值班 — for a rotating admin: the term I am on (with whom, until when) or my next one, who takes
 * over after me, what to do while on duty (the liaison's checklist), the handover from the previous
 * term (confirm it), mine for the next term, swaps, and a tap to be reminded the day before by WeChat.
 */
import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import Card from '@/components/card'
import SectionHeader from '@/components/section-header'
import StateView from '@/components/state-view'
import { type MyTermView, myTerm } from '@/services/fronts'
import { termText } from '@/services/fronts/labels'
import { askSubscribe } from '@/services/users/subscribe'
import { param, useFrontQuery } from '../utils/use-front-query'
import HandoverIn from './handover-in'
import HandoverOut from './handover-out'
import Swaps from './swaps'
import './index.scss'

function Status({ t }: { t: MyTermView }) {
  const term = t.current ?? t.next
  const partners = term ? term.admins.filter((a) => a.openid !== t.openid).map((a) => a.name) : []
  return (
    <View className="fr-band">
      <Text className="fr-band__title">{t.onDuty ? '你正在值班' : t.next ? '你的下一班' : '你还没有排班'}</Text>
      {term ? <Text className="fr-band__line fr-term__days">{termText(term.start, term.end)}</Text> : null}
      {partners.length ? <Text className="fr-band__line">同班：{partners.join('、')}</Text> : null}
      {t.after ? <Text className="fr-band__line">之后接班：{t.after.admins.map((a) => a.name).join('、')}</Text> : null}
      <Text className="fr-band__line">{t.groupName}</Text>
    </View>
  )
}

async function remind(template: string) {
  const ok = await askSubscribe([template])
  void Taro.showToast({ title: ok ? '好的，值班前一天会微信提醒你' : '没有开启，也会在“我的 › 通知”里提醒你', icon: 'none' })
}

export default function TermPage() {
  const groupId = param(useRouter().params, 'groupId')
  const { state, reload } = useFrontQuery(useCallback(() => myTerm(groupId), [groupId]))
  if (state.status === 'loading') return <StateView kind="loading" />
  if (state.status === 'error') return <StateView kind="error" description={state.error.message} onAction={() => void reload()} />
  const t = state.data
  const changed = () => void reload({ quiet: true })
  if (!t.isAdmin)
    return (
      <StateView
        kind="empty"
        glyph="班"
        title="你还不是轮值管理员"
        description="轮值管理员由联络员从群里认证过的小哥中安排，想出一份力可以跟联络员说。"
      />
    )
  return (
    <View className="page">
      <Status t={t} />
      <View className="page__body">
        {t.onDuty ? (
          <Button
            className="button-primary fr-term__post"
            hoverClass="button-primary--hover"
            onClick={() => void Taro.navigateTo({ url: `/pkg-front/post/index?groupId=${t.groupId}` })}
          >
            发布群公告
          </Button>
        ) : null}
        {t.onDuty ? <Text className="fr-note fr-term__posted">这一班已经发了 {t.postedThisTerm} 条公告</Text> : null}
        <SectionHeader title="值班要做的事" />
        <Card>
          {t.todo.map((line, i) => (
            <View key={line} className="fr-term__todo">
              <Text className="fr-term__todo-n">{i + 1}</Text>
              <Text className="fr-term__todo-text">{line}</Text>
            </View>
          ))}
        </Card>
        <HandoverIn h={t.handoverIn} onChanged={changed} />
        <HandoverOut term={t} onChanged={changed} />
        <Swaps term={t} openid={t.openid} onChanged={changed} />
        <Button className="button-secondary fr-term__remind" onClick={() => void remind(t.dutyTemplate)}>
          值班前一天微信提醒我
        </Button>
      </View>
    </View>
  )
}
