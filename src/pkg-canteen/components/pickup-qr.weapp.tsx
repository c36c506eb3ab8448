/**
 * The pickup QR on weapp: the matrix from @/utils/qr drawn on a Canvas 2d at the device pixel
 * ratio, white quiet zone of 4 modules, so staff can scan it from the rider's screen.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/component/canvas.html
 */
import { Canvas, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { pickupQrText } from '@/utils/canteen-format'
import { encodeQr } from '@/utils/qr'

interface CanvasNode {
  width: number
  height: number
  getContext(kind: '2d'): {
    scale(x: number, y: number): void
    fillStyle: string
    fillRect(x: number, y: number, w: number, h: number): void
  }
}

export default function PickupQr({ code }: { code: string }) {
  useEffect(() => {
    const matrix = encodeQr(pickupQrText(code))
    let cancelled = false
    Taro.nextTick(() => {
      // (a runtime without canvas nodes — e.g. a page simulator — has no `fields`: the code text stays)
      const selected = Taro.createSelectorQuery().select('#pickup-qr-canvas') as { fields?: unknown } | undefined
      if (typeof selected?.fields !== 'function') return
      Taro.createSelectorQuery()
        .select('#pickup-qr-canvas')
        .fields({ node: true, size: true })
        .exec((res: { node?: CanvasNode; width?: number }[]) => {
          const node = res?.[0]?.node
          if (cancelled || !node) return
          const side = res[0].width || 200
          const dpr = Taro.getWindowInfo?.().pixelRatio ?? 2
          node.width = side * dpr
          node.height = side * dpr
          const ctx = node.getContext('2d')
          ctx.scale(dpr, dpr)
          const unit = side / (matrix.length + 8)
          ctx.fillStyle = '#ffffff'
          ctx.fillRect(0, 0, side, side)
          ctx.fillStyle = '#000000'
          matrix.forEach((row, r) => {
            row.forEach((dark, c) => {
              if (dark) ctx.fillRect((c + 4) * unit, (r + 4) * unit, unit + 0.3, unit + 0.3)
            })
          })
        })
    })
    return () => {
      cancelled = true
    }
  }, [code])

  return (
    <View className="pickup-qr" ariaLabel="取餐二维码">
      <Canvas type="2d" id="pickup-qr-canvas" className="pickup-qr__image" />
    </View>
  )
}
