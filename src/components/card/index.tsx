/** A white rounded surface. Tappable when `onClick` is given (whole card is the target). */

import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

export interface CardProps {
  children: ReactNode
  onClick?: () => void
  className?: string
}

export default function Card({ children, onClick, className }: CardProps) {
  return (
    <View
      className={`card${onClick ? ' card--tappable' : ''}${className ? ` ${className}` : ''}`}
      hoverClass={onClick ? 'card--pressed' : 'none'}
      onClick={onClick}
    >
      {children}
    </View>
  )
}
