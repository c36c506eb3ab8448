/** A section title with an optional "更多" link (a full-height touch target). */
import { Text, View } from '@tarojs/components'
import './index.scss'

export interface SectionHeaderProps {
  title: string
  actionText?: string
  onAction?: () => void
}

export default function SectionHeader({ title, actionText, onAction }: SectionHeaderProps) {
  return (
    <View className="section-header">
      <Text className="section-header__title">{title}</Text>
      {actionText && onAction ? (
        <View className="section-header__action" hoverClass="section-header__action--pressed" onClick={onAction}>
          <Text>{actionText}</Text>
          <Text className="section-header__chevron">›</Text>
        </View>
      ) : null}
    </View>
  )
}
