/**
 * The invite QR (H5 and default): the matrix from @/utils/qr drawn as one SVG path in an image,
 * with the quiet zone. The weapp build uses invite-qr.weapp.tsx (Canvas 2d).
 */
import { Image, View } from '@tarojs/components'
import { useMemo } from 'react'
import { encodeQr } from '@/utils/qr'

export function qrSvg(matrix: boolean[][]): string {
  const n = matrix.length + 8
  let d = ''
  matrix.forEach((row, r) => {
    row.forEach((dark, c) => {
      if (dark) d += `M${c + 4} ${r + 4}h1v1h-1z`
    })
  })
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n} ${n}" shape-rendering="crispEdges"><rect width="${n}" height="${n}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`
}

export default function InviteQr({ text }: { text: string }) {
  const src = useMemo(() => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg(encodeQr(text)))}`, [text])
  return (
    <View className="invite-qr" ariaLabel="邀请二维码">
      <Image className="invite-qr__image" src={src} mode="aspectFit" />
    </View>
  )
}
