/**
 * The pickup code as a QR code (H5 and default): the matrix from @/utils/qr drawn as one SVG path in
 * an image, with the quiet zone. The weapp build uses pickup-qr.weapp.tsx (Canvas 2d). The code
 * itself is printed large beside it: staff may scan or type.
 */
import { Image, View } from '@tarojs/components'
import { useMemo } from 'react'
import { pickupQrText } from '@/utils/canteen-format'
import { encodeQr } from '@/utils/qr'

export function qrSvg(matrix: boolean[][]): string {
  const n = matrix.length + 8
  let d = ''
  matrix.forEach((row, r) => {
    row.forEach((dark, c) => {
      if (dark) d += `M${c + 4} ${r + 4}h1v1h-1z`
    })
  })
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${n * 8}" height="${n * 8}" viewBox="0 0 ${n} ${n}" shape-rendering="crispEdges"><rect width="${n}" height="${n}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`
}

export default function PickupQr({ code }: { code: string }) {
  const src = useMemo(() => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg(encodeQr(pickupQrText(code))))}`, [code])
  return (
    <View className="pickup-qr" ariaLabel="取餐二维码">
      <Image className="pickup-qr__image" src={src} mode="scaleToFill" />
    </View>
  )
}
