/**
 * What the station offers and whether it works: "现在能用的服务" only while it is open; closed for
 * a while → it says so (why, until when) and offers nothing; closed by its hours → when it opens.
 * 反映问题 only when there is something the rider can report now.
 */
import type { StationDetail } from '@cloud/stations/contract'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import ServiceIcons from '@/components/service-icons'
import { shortDate } from '../format'

function ServiceStates({ station: s }: { station: StationDetail }) {
  const notes = s.services.filter((v) => v.stateText)
  if (!notes.length) return <Text className="detail__all-ok">各项服务正常</Text>
  return (
    <View className="detail__states">
      {notes.map((v) => (
        <View key={v.key} className={`detail__state detail__state--${v.state}`} id={`state-${v.key}`}>
          <Text className="detail__state-label">{v.label}</Text>
          <Text className="detail__state-text">{v.stateText}</Text>
        </View>
      ))}
    </View>
  )
}

function ClosedNotice({ closure }: { closure: NonNullable<StationDetail['closure']> }) {
  return (
    <View className="detail__closed" id="closed-notice">
      <Text className="detail__closed-title">驿站暂停开放，现在不提供服务</Text>
      <Text className="detail__closed-text">原因：{closure.reason}</Text>
      <Text className="detail__closed-text">
        {closure.until ? `预计 ${shortDate(closure.until)} 恢复开放` : '恢复时间待定，请先去附近其他驿站'}
      </Text>
    </View>
  )
}

/** The section's title: what works now only while the station is open. */
export const servicesTitle = (s: StationDetail) => (s.closure ? '恢复开放后提供的服务' : s.openNow ? '现在能用的服务' : '提供的服务')

export default function ServicesBody({ station: s }: { station: StationDetail }) {
  const report = () => void Taro.navigateTo({ url: `/pkg-stations/report/index?stationId=${s.id}` })
  return (
    <>
      {s.closure ? <ClosedNotice closure={s.closure} /> : null}
      <ServiceIcons services={s.services} dim={Boolean(s.closure)} />
      {s.closure ? null : s.openNow ? <ServiceStates station={s} /> : <Text className="detail__when">现在未开放：{s.hint}</Text>}
      {s.reportOptions.length ? (
        <Button className="button-secondary button-wide detail__report" hoverClass="button-secondary--hover" onClick={report}>
          {s.reportOptions.some((o) => o.service === null) ? '反映问题（坏了、没水、没开门）' : '反映问题（坏了、没水）'}
        </Button>
      ) : null}
    </>
  )
}
