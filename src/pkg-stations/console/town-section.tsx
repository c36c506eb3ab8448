/** 驿站资料与开放状态（镇里）: edit this station, add a new one, pause / reopen / close for good. */
import type { StationDetail } from '@cloud/stations/contract'
import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Card from '@/components/card'
import SectionHeader from '@/components/section-header'
import CloseControls from './close-controls'
import type { Run } from './use-run'

export const goEdit = (id?: string) => void Taro.navigateTo({ url: `/pkg-stations/edit/index${id ? `?stationId=${id}` : ''}` })

export default function TownSection({ station, run }: { station: StationDetail; run: Run }) {
  return (
    <>
      <SectionHeader title="驿站资料与开放状态（镇里）" />
      <Card>
        <View className="button-row console__town">
          <Button className="button-secondary button-row__item" hoverClass="button-secondary--hover" onClick={() => goEdit(station.id)}>
            编辑资料
          </Button>
          <Button className="button-secondary button-row__item" hoverClass="button-secondary--hover" onClick={() => goEdit()}>
            新建驿站
          </Button>
        </View>
        <CloseControls key={station.id} station={station} run={run} />
      </Card>
    </>
  )
}
