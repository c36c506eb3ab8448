/**
 * The row of round service icons (热 水 电 …) with their Chinese labels. A service with an
 * unconfirmed rider report gets a "!" badge; a confirmed, broken or paused one is struck grey.
 * `dim`: the station is closed for now — every service is shown greyed, as offered when it reopens.
 * Used by the list (main package) and the detail page (pkg-stations).
 */
import type { ServiceView } from '@cloud/stations/contract'
import { Text, View } from '@tarojs/components'
import './index.scss'

export default function ServiceIcons({ services, max, dim }: { services: ServiceView[]; max?: number; dim?: boolean }) {
  const shown = max ? services.slice(0, max) : services
  return (
    <View className={`svc-icons${dim ? ' svc-icons--dim' : ''}`}>
      {shown.map((s) => (
        <View key={s.key} className={`svc-icon svc-icon--${s.state}`} id={`svc-${s.key}`}>
          <View className="svc-icon__circle">
            <Text className="svc-icon__glyph">{s.glyph}</Text>
          </View>
          <Text className="svc-icon__label">{s.label}</Text>
          {s.state === 'reported' && !dim ? <Text className="svc-icon__badge">!</Text> : null}
        </View>
      ))}
      {max && services.length > max ? <Text className="svc-icons__more">等 {services.length} 项</Text> : null}
    </View>
  )
}
