/**
 * 扫邀请码加入: scan the liaison's invite QR from inside the app and open the join page with its
 * token. Renders nothing where the phone cannot scan (H5): there the rider opens the invite link.
 */
import { Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { canScanInvite, scanInvite } from '@/services/users/scan-invite'

async function scanToJoin(): Promise<void> {
  const token = await scanInvite()
  if (token === null) return
  if (!token) return void Taro.showToast({ title: '这不是小哥群的邀请码', icon: 'none' })
  void Taro.navigateTo({ url: `/pkg-me/join/index?t=${token}` })
}

export default function ScanInviteButton({ className = '' }: { className?: string }) {
  if (!canScanInvite) return null
  return (
    <Button className={`button-primary ${className}`} hoverClass="button-primary--hover" onClick={() => void scanToJoin()}>
      扫邀请码加入
    </Button>
  )
}
