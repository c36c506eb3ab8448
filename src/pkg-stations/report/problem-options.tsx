/** The problems a rider can report here now (the server's list), as big radio rows. */
import type { ReportOption } from '@cloud/stations/contract'
import { Text, View } from '@tarojs/components'

export interface ProblemOptionsProps {
  options: ReportOption[]
  chosen: ReportOption | null
  onChoose: (o: ReportOption) => void
}

export default function ProblemOptions({ options, chosen, onChoose }: ProblemOptionsProps) {
  return (
    <>
      {options.map((o) => {
        const on = chosen?.service === o.service && chosen?.kind === o.kind
        return (
          <View
            key={`${o.service}-${o.kind}`}
            className={`report__option${on ? ' report__option--on' : ''}`}
            hoverClass="report__option--pressed"
            onClick={() => onChoose(o)}
            ariaRole="radio"
            ariaLabel={o.label}
          >
            <View className="report__radio">{on ? <View className="report__dot" /> : null}</View>
            <Text className="report__label">{o.label}</Text>
          </View>
        )
      })}
    </>
  )
}
