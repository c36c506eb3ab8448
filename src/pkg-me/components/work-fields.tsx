/** The two fields the profile and the verification request share: work type chips and platform. */
import { Input, Text, View } from '@tarojs/components'
import ChipPicker from '@/components/chip-picker'
import { WORK_TYPE_OPTIONS, type WorkType } from '@/services/users'

interface Props {
  workType: WorkType | null
  onWorkType: (w: WorkType) => void
  platform: string
  onPlatform: (p: string) => void
  /** Extra class on the platform input (pages and tests find it by it). */
  platformClass: string
}

const OPTIONS = WORK_TYPE_OPTIONS.map((w) => ({ key: w, label: w }))

export default function WorkFields({ workType, onWorkType, platform, onPlatform, platformClass }: Props) {
  return (
    <>
      <View className="form-field">
        <Text className="form-label">工作类型</Text>
        <ChipPicker options={OPTIONS} selected={workType ? [workType] : []} onPick={onWorkType} />
      </View>
      <View className="form-field">
        <Text className="form-label">平台或公司</Text>
        <Input
          className={`form-input ${platformClass}`}
          value={platform}
          maxlength={20}
          placeholder="例如 美团、顺丰、滴滴"
          onInput={(e) => onPlatform(e.detail.value)}
        />
      </View>
    </>
  )
}
