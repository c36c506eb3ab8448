/**
 * Sharing a notice back into the WeChat group: on WeChat a share button (the page's
 * onShareAppMessage makes the card, which opens the notice); in the browser preview there is no
 * share card, so the link is copied and the page says so.
 */
import { Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { pageLink } from '@/services/fronts/labels'

const isWeapp = process.env.TARO_ENV === 'weapp'

async function copy(path: string) {
  await Taro.setClipboardData({ data: pageLink(path) }).catch(() => undefined)
  void Taro.showToast({ title: '链接已复制，粘贴到群里，大家点开就能看到', icon: 'none', duration: 2500 })
}

export default function ShareNotice({ path, primary, label = '发到群里' }: { path: string; primary?: boolean; label?: string }) {
  const cls = `${primary ? 'button-primary' : 'button-secondary'} fr-share`
  if (isWeapp)
    return (
      <Button className={cls} openType="share">
        {label}
      </Button>
    )
  return (
    <Button className={cls} hoverClass={primary ? 'button-primary--hover' : 'button-secondary--hover'} onClick={() => void copy(path)}>
      复制链接，{label}
    </Button>
  )
}
