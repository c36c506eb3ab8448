/**
 * 分享 outside WeChat (the H5 preview): there are no share cards, so the button copies a link to the
 * page and says so. WeChat: share-button.weapp.tsx (a share card into the group, built by the page's
 * useShareAppMessage).
 */
import { Button } from '@tarojs/components'
import Taro from '@tarojs/taro'

async function copyLink(path: string, title: string) {
  const link = `${window.location.origin}${window.location.pathname}#${path}`
  const ok = await Taro.setClipboardData({ data: `${title} ${link}` }).then(
    () => true,
    () => false,
  )
  void Taro.showToast({ title: ok ? '链接已复制，可以发到群里' : '没能复制，请截图分享', icon: 'none', duration: 2500 })
}

export default function ShareButton({ path, title, label }: { path: string; title: string; label: string }) {
  return (
    <Button
      className="button-secondary button-row__item share-button"
      hoverClass="button-secondary--hover"
      onClick={() => void copyLink(path, title)}
    >
      {label}（复制链接）
    </Button>
  )
}
