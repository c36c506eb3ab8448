/**
 * The one loading / empty / error view of every page and section.
 * Error always offers a big 重试 button (88rpx high); empty may offer one action.
 */
import { Button, Text, View } from '@tarojs/components'
import './index.scss'

export type StateKind = 'loading' | 'empty' | 'error'

export interface StateViewProps {
  kind: StateKind
  /** Headline; defaults per kind. */
  title?: string
  /** One or two sentences saying what happens next. */
  description?: string
  /** Button text; for `error` it defaults to 重试. */
  actionText?: string
  onAction?: () => void
  /** Inside a card/section rather than filling the page. */
  compact?: boolean
  /** A single character shown in the badge (e.g. 站, 饭); defaults per kind. */
  glyph?: string
}

const DEFAULT_TITLE: Record<StateKind, string> = {
  loading: '正在加载…',
  empty: '这里还没有内容',
  error: '没有加载出来',
}

const DEFAULT_GLYPH: Record<StateKind, string> = {
  loading: '',
  empty: '空',
  error: '!',
}

export default function StateView({ kind, title, description, actionText, onAction, compact, glyph }: StateViewProps) {
  const action = actionText ?? (kind === 'error' ? '重试' : undefined)
  const badge = glyph ?? DEFAULT_GLYPH[kind]
  return (
    <View
      className={`state-view state-view--${kind}${compact ? ' state-view--compact' : ''}`}
      ariaRole={kind === 'error' ? 'alert' : 'status'}
    >
      {kind === 'loading' ? (
        <View className="state-view__spinner" />
      ) : (
        <View className="state-view__badge">
          <Text className="state-view__glyph">{badge}</Text>
        </View>
      )}
      <Text className="state-view__title">{title ?? DEFAULT_TITLE[kind]}</Text>
      {description ? <Text className="state-view__description">{description}</Text> : null}
      {action && onAction ? (
        <Button
          className={kind === 'error' ? 'button-primary state-view__action' : 'button-secondary state-view__action'}
          hoverClass={kind === 'error' ? 'button-primary--hover' : 'button-secondary--hover'}
          onClick={onAction}
        >
          {action}
        </Button>
      ) : null}
    </View>
  )
}
