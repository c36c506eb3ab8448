/**
 * The town closes a station: 暂停开放 with a reason (or 恢复开放), and 永久关闭 after a confirm
 * dialog. The reason is read by riders, so the server checks it.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/api/ui/interaction/wx.showModal.html
 */
import type { StationDetail } from '@cloud/stations/contract'
import { Button, Input, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { closeStation, reopenStation } from '@/services/stations/stations'
import type { Run } from './use-run'

export default function CloseControls({ station, run }: { station: StationDetail; run: Run }) {
  const [reason, setReason] = useState('')
  const ready = reason.trim().length >= 2
  async function closeForGood() {
    const { confirm } = await Taro.showModal({
      title: '永久关闭驿站？',
      content: `“${station.name}”将从小哥的列表中去掉，不能恢复。原因：${reason.trim()}`,
      confirmText: '永久关闭',
      confirmColor: '#c4361c',
      cancelText: '再想想',
    })
    if (!confirm) return
    setReason('')
    // The reload falls back to the first station still managed: this one is gone from the list.
    await run(() => closeStation({ stationId: station.id, mode: 'permanent', reason: reason.trim() }), '已永久关闭')
  }
  const pause = () => void run(() => closeStation({ stationId: station.id, mode: 'temporary', reason: reason.trim() }), '已暂停开放')
  return (
    <>
      {station.temporarilyClosed ? (
        <Button
          className="button-primary button-wide"
          hoverClass="button-primary--hover"
          onClick={() => void run(() => reopenStation(station.id), '已恢复开放')}
        >
          恢复开放
        </Button>
      ) : null}
      <Text className="form-label console__reason-label">
        {station.temporarilyClosed ? '永久关闭的原因' : '暂停或关闭的原因（小哥会看到）'}
      </Text>
      <Input
        className="form-input"
        value={reason}
        maxlength={30}
        placeholder="原因，如：内部装修 / 不再合作"
        onInput={(e) => setReason(e.detail.value)}
      />
      {station.temporarilyClosed ? null : (
        <Button
          className="button-secondary button-wide"
          hoverClass="button-secondary--hover"
          disabled={!ready || undefined}
          onClick={pause}
        >
          暂停开放
        </Button>
      )}
      <Text className="meta-text console__danger-note">永久关闭后，驿站从小哥的列表、地图和首页中去掉，不能恢复。</Text>
      <Button
        className="button-secondary button-wide console__danger"
        hoverClass="button-secondary--hover"
        disabled={!ready || undefined}
        onClick={() => void closeForGood()}
      >
        {ready ? '永久关闭驿站' : '永久关闭（先填写原因）'}
      </Button>
    </>
  )
}
