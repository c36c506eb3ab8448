/** 开放时间 in the console: the hours as text, 修改 opens the editor; saved through setHours. */
import type { HoursException, StationDetail, WeeklyHours } from '@cloud/stations/contract'
import { Button, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import Card from '@/components/card'
import SectionHeader from '@/components/section-header'
import { setHours } from '@/services/stations/stations'
import HoursEditor from '../hours-editor'

export default function HoursSection({ station, reload }: { station: StationDetail; reload: () => Promise<void> }) {
  const [editing, setEditing] = useState(false)
  async function save(hours: WeeklyHours[], exceptions: HoursException[]) {
    const r = await setHours({ stationId: station.id, hours, exceptions })
    if (!r.ok) {
      void Taro.showModal({ title: '没有保存', content: r.error.message, showCancel: false, confirmText: '知道了' })
      return
    }
    setEditing(false)
    void Taro.showToast({ title: '已保存', icon: 'success' })
    await reload()
  }
  return (
    <>
      <SectionHeader title="开放时间" />
      <Card>
        <Text className="console__hours">{station.hoursText}</Text>
        {editing ? (
          <HoursEditor hours={station.hours} exceptions={station.exceptions} onSave={save} />
        ) : (
          <Button className="button-secondary button-wide" hoverClass="button-secondary--hover" onClick={() => setEditing(true)}>
            修改开放时间 / 节假日
          </Button>
        )}
      </Card>
    </>
  )
}
