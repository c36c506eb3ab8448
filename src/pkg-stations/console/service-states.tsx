/** 服务状态: each service as 正常 / 暂停 / 故障, one tap to change (the server checks the scope again). */
import type { StationDetail } from '@cloud/stations/contract'
import { Text, View } from '@tarojs/components'
import Card from '@/components/card'
import SectionHeader from '@/components/section-header'
import { setServiceState } from '@/services/stations/stations'
import type { Run } from './use-run'

const SETTINGS = [
  { state: 'ok', label: '正常' },
  { state: 'paused', label: '暂停' },
  { state: 'broken', label: '故障' },
] as const

export default function ServiceStates({ station, run }: { station: StationDetail; run: Run }) {
  return (
    <>
      <SectionHeader title="服务状态" />
      <Card>
        {station.services.map((v) => {
          const current = v.state === 'paused' || v.state === 'broken' ? v.state : 'ok'
          return (
            <View key={v.key} className="console__service divided-row">
              <Text className="console__service-label">{v.label}</Text>
              <View className="console__segments">
                {SETTINGS.map((o) => (
                  <View
                    key={o.state}
                    className={`console__segment${current === o.state ? ' console__segment--on' : ''}`}
                    hoverClass="console__segment--pressed"
                    onClick={() =>
                      current === o.state
                        ? undefined
                        : void run(() => setServiceState({ stationId: station.id, service: v.key, state: o.state }), '已更新')
                    }
                  >
                    <Text>{o.label}</Text>
                  </View>
                ))}
              </View>
            </View>
          )
        })}
      </Card>
    </>
  )
}
