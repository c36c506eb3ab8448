/**
 * 签到二维码 of one station, to print and post at the door. The code is signed by the server
 * (stations.issueCheckinCode); town can replace it, which revokes the printed old one.
 * The QR is drawn from `qr.ts` as plain views (no canvas, no network).
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/api/device/scan/wx.scanCode.html
 */

import type { CheckinCode } from '@cloud/stations/contract'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useMemo, useState } from 'react'
import StateView from '@/components/state-view'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { issueCheckinCode, listManaged } from '@/services/stations/stations'
import { encodeQr } from '@/utils/qr'
import './index.scss'
import NoStation from '../no-station'

function QrCode({ text }: { text: string }) {
  const matrix = useMemo(() => encodeQr(text), [text])
  return (
    <View className="qr" ariaLabel="签到二维码">
      {matrix.map((row, y) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed grid
        <View key={y} className="qr__row">
          {row.map((dark, x) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed grid
            <View key={x} className={dark ? 'qr__cell qr__cell--dark' : 'qr__cell'} />
          ))}
        </View>
      ))}
    </View>
  )
}

export default function PrintCodePage() {
  const { params } = useRouter()
  const stationId = params.stationId ?? ''
  const [rotated, setRotated] = useState<CheckinCode | null>(null)
  const fetcher = useCallback(async () => {
    const [code, managed] = await Promise.all([issueCheckinCode(stationId), listManaged()])
    if (!code.ok) return code
    return { ok: true as const, data: { code: code.data, isTown: managed.ok && managed.data.isTown } }
  }, [stationId])
  const { state, reload } = useCloudQuery(fetcher)

  if (!stationId) return <NoStation />
  if (state.status === 'loading') return <StateView kind="loading" />
  if (state.status === 'error') return <StateView kind="error" description={state.error.message} onAction={() => void reload()} />
  const code = rotated ?? state.data.code

  async function rotate() {
    const ok = await Taro.showModal({ title: '更换二维码？', content: '换新后，已经贴出去的旧二维码将不能再签到。', confirmText: '更换' })
    if (!ok.confirm) return
    const r = await issueCheckinCode(stationId, true)
    if (r.ok) setRotated(r.data)
    else void Taro.showModal({ title: '没有成功', content: r.error.message, showCancel: false })
  }

  return (
    <View className="page print">
      <View className="print__sheet">
        <Text className="print__title">小哥之家 · 驿站签到</Text>
        <Text className="print__name">{code.stationName}</Text>
        <QrCode text={code.code} />
        <Text className="print__how">小哥之家 › 驿站 › 扫码签到</Text>
        <Text className="print__meta">
          第 {code.version} 版 · {code.issuedOn} 生成
        </Text>
      </View>
      <View className="page__body">
        {process.env.TARO_ENV === 'h5' ? (
          <Button className="button-primary print__button" hoverClass="button-primary--hover" onClick={() => window.print()}>
            打印
          </Button>
        ) : (
          <Text className="print__tip">截图后打印，或在电脑上打开本页打印。</Text>
        )}
        {state.data.isTown ? (
          <Button className="button-secondary print__button" hoverClass="button-secondary--hover" onClick={() => void rotate()}>
            更换二维码（旧码作废）
          </Button>
        ) : null}
      </View>
    </View>
  )
}
