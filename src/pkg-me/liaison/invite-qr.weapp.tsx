/**
 * The invite QR on weapp: the matrix from @/utils/qr drawn on a Canvas 2d (crisp at the
 * device pixel ratio), white quiet zone of 4 modules. Long-press to save is offered by WeChat's
 * image preview: tapping exports the canvas and previews it.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/component/canvas.html
 */
import { Canvas, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import { encodeQr } from '@/utils/qr'

const SIDE_PX = 240 // CSS px; the scss gives the canvas the same size (480rpx on a 375-wide phone)

interface CanvasNode {
  width: number
  height: number
  getContext(kind: '2d'): {
    scale(x: number, y: number): void
    fillStyle: string
    fillRect(x: number, y: number, w: number, h: number): void
  }
}

export default function InviteQr({ text }: { text: string }) {
  const canvasRef = useRef<CanvasNode | null>(null)

  useEffect(() => {
    const matrix = encodeQr(text)
    let cancelled = false
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select('#invite-qr-canvas')
        .fields({ node: true, size: true })
        .exec((res: { node?: CanvasNode; width?: number }[]) => {
          const node = res?.[0]?.node
          if (cancelled || !node) return
          canvasRef.current = node
          const side = res[0].width || SIDE_PX
          const dpr = Taro.getWindowInfo?.().pixelRatio ?? 2
          node.width = side * dpr
          node.height = side * dpr
          const ctx = node.getContext('2d')
          ctx.scale(dpr, dpr)
          const n = matrix.length + 8
          const unit = side / n
          ctx.fillStyle = '#ffffff'
          ctx.fillRect(0, 0, side, side)
          ctx.fillStyle = '#000000'
          matrix.forEach((row, r) => {
            row.forEach((dark, c) => {
              // overlap by a hair so no seams show between modules
              if (dark) ctx.fillRect((c + 4) * unit, (r + 4) * unit, unit + 0.3, unit + 0.3)
            })
          })
        })
    })
    return () => {
      cancelled = true
    }
  }, [text])

  function preview() {
    const canvas = canvasRef.current
    if (!canvas) return
    void Taro.canvasToTempFilePath({ canvas: canvas as never } as never).then((r) =>
      Taro.previewImage({ urls: [r.tempFilePath], current: r.tempFilePath }),
    )
  }

  return (
    <View className="invite-qr" ariaLabel="邀请二维码" onClick={preview}>
      <Canvas type="2d" id="invite-qr-canvas" className="invite-qr__image" />
    </View>
  )
}
