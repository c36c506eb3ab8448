/**
 * One member: name, work, phone (the liaison's list only), tags, upcoming duty; and what the liaison
 * may do here — plan a duty period (verified riders), cancel one, take the admin appointment back,
 * or take the member out of this group (nothing else about them changes; only town revokes a
 * verification).
 */
import type { DutyPeriodItem, MemberItem } from '@cloud/users/contract'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { removeDutyPeriod, removeFromGroup, setAdmin } from '@/services/users'
import { roleTags, verificationTag } from '@/utils/labels'
import { formatDutyRange } from '../utils/duty-dates'
import DutyForm from './duty-form'

interface Props {
  member: MemberItem
  groupId: string
  planning: boolean
  onPlan: (on: boolean) => void
  onChanged: () => void
}

async function confirmThen(
  title: string,
  content: string,
  run: () => Promise<{ ok: boolean; error?: { message: string } }>,
  done: () => void,
) {
  const ok = await Taro.showModal({ title, content })
  if (!ok.confirm) return
  const r = await run()
  void Taro.showToast({ title: r.ok ? '已更新' : (r.error?.message ?? '没有成功'), icon: 'none' })
  done()
}

function Tags({ m }: { m: MemberItem }) {
  const official = m.isLiaison || m.roles.includes('staff') || m.roles.includes('town')
  const tag = verificationTag({ verified: m.verification === 'approved', official, verification: m.verification })
  return (
    <View className="row__tags">
      {m.onDuty ? <Text className="tag tag--primary">值班中</Text> : null}
      {tag ? <Text className={`tag tag--${tag.tone}`}>{tag.label}</Text> : null}
      {roleTags(m.roles)
        .filter((l) => l !== '小哥')
        .map((l) => (
          <Text key={l} className="tag">
            {l}
          </Text>
        ))}
    </View>
  )
}

function DutyLine({ m, p, onChanged }: { m: MemberItem; p: DutyPeriodItem; onChanged: () => void }) {
  const cancel = () =>
    confirmThen('取消这段值班？', `${m.nickname} ${formatDutyRange(p.start, p.end)}`, () => removeDutyPeriod(m.openid, p.id), onChanged)
  return (
    <View className="duty">
      <Text className={`duty__range${p.current ? ' duty__range--now' : ''}`}>
        {p.current ? '值班中 ' : '将值班 '}
        {formatDutyRange(p.start, p.end)}
      </Text>
      <View className="duty__cancel" hoverClass="me__entry--pressed" onClick={() => void cancel()}>
        <Text>取消</Text>
      </View>
    </View>
  )
}

export default function MemberRow({ member: m, groupId, planning, onPlan, onChanged }: Props) {
  const revokeAdmin = () =>
    confirmThen(
      '取消轮值管理员？',
      `${m.nickname} 将不再是本群的轮值管理员，已安排的值班也一并取消。`,
      () => setAdmin(m.openid, groupId, false),
      onChanged,
    )
  const remove = () =>
    confirmThen(
      '把他移出本群？',
      `${m.nickname} 会退出本群，本群的管理员和值班一并取消；他的小哥认证和其他群不受影响。`,
      () => removeFromGroup(m.openid, groupId),
      onChanged,
    )
  return (
    <View className="member">
      <View className="row member__row">
        <View className="row__main">
          <Text className="row__title">{m.nickname}</Text>
          <Text className="row__meta">{[m.workType, m.phone].filter(Boolean).join(' · ') || '未填写工种'}</Text>
          <Tags m={m} />
        </View>
        {m.verification === 'approved' && !m.isLiaison && !planning ? (
          <Button className="button-secondary small-button member__plan" onClick={() => onPlan(true)}>
            安排值班
          </Button>
        ) : null}
      </View>
      {m.duty
        .filter((p) => !p.ended)
        .map((p) => (
          <DutyLine key={p.id} m={m} p={p} onChanged={onChanged} />
        ))}
      {planning ? (
        <DutyForm
          member={m}
          groupId={groupId}
          onDone={(changed) => {
            onPlan(false)
            if (changed) onChanged()
          }}
        />
      ) : null}
      {planning || m.isLiaison ? null : (
        <View className="member__links">
          {m.isAdmin ? (
            <View className="member__link member__revoke" hoverClass="me__entry--pressed" onClick={() => void revokeAdmin()}>
              <Text>取消管理员</Text>
            </View>
          ) : null}
          <View className="member__link member__remove" hoverClass="me__entry--pressed" onClick={() => void remove()}>
            <Text>移出本群</Text>
          </View>
        </View>
      )}
    </View>
  )
}
