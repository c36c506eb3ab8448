/** The two fields the profile and the verification request share: work type chips and platform. */
import { Input, Text, View } from '@tarojs/components'
import { WORK_TYPE_OPTIONS, type WorkType } from '@/services/users'

interface Props {
  workType: WorkType | null
  onWorkType: (w: WorkType) => void
  platform: string
  onPlatform: (p: string) => void
  /** Extra class on the platform input (pages and tests find it by it). */
  platformClass: string
}

export default function WorkFields({ workType, onWorkType, platform, onPlatform, platformClass }: Props) {
  return (
    <>
      <View className="form__field">
        <Text className="form__label">工作类型</Text>
        <View className="chips">
          {WORK_TYPE_OPTIONS.map((w) => (
            <View key={w} className={`chip${workType === w ? ' chip--on' : ''}`} onClick={() => onWorkType(w)}>
              <Text>{w}</Text>
            </View>
          ))}
        </View>
      </View>
      <View className="form__field">
        <Text className="form__label">平台或公司</Text>
        <Input
          className={`form__input ${platformClass}`}
          value={platform}
          maxlength={20}
          placeholder="例如 美团、顺丰、滴滴"
          onInput={(e) => onPlatform(e.detail.value)}
        />
      </View>
    </>
  )
}
