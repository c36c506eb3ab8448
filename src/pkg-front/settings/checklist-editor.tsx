/** An editable list of short lines (值班要做的事, 交班清单): change a line, delete it, add one. */
import { Button, Input, Text, View } from '@tarojs/components'

export default function ChecklistEditor({ lines, onChange }: { lines: string[]; onChange: (l: string[]) => void }) {
  return (
    <View className="fr-settings__list">
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity of their own while edited
        <View key={i} className="fr-settings__line">
          <Input
            className="form-input fr-settings__line-input"
            value={line}
            maxlength={40}
            onInput={(e) => onChange(lines.map((l, k) => (k === i ? e.detail.value : l)))}
          />
          <View className="fr-settings__line-del" onClick={() => onChange(lines.filter((_l, k) => k !== i))}>
            <Text>删除</Text>
          </View>
        </View>
      ))}
      {lines.length < 12 ? (
        <Button className="button-secondary fr-settings__add" onClick={() => onChange([...lines, ''])}>
          加一条
        </Button>
      ) : null}
    </View>
  )
}
