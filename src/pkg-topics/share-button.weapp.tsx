/** 分享 on WeChat: a share card into the group (the page's useShareAppMessage builds it). */
import { Button } from '@tarojs/components'

export default function ShareButton({ label }: { path: string; title: string; label: string }) {
  return (
    <Button className="button-secondary button-row__item share-button" hoverClass="button-secondary--hover" openType="share">
      {label}
    </Button>
  )
}
