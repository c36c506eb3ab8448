/** The profile's text fields: nickname (WeChat's nickname input on weapp) and the optional phone. */
import { Input, Text, View } from '@tarojs/components'

const isWeapp = process.env.TARO_ENV === 'weapp'

export function NicknameField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  return (
    <View className="form-field">
      <Text className="form-label">昵称</Text>
      <Input
        className="form-input profile__nickname"
        type={(isWeapp ? 'nickname' : 'text') as 'text'}
        value={value}
        maxlength={20}
        placeholder="大家怎么称呼你"
        onInput={(e) => onChange(e.detail.value)}
        onBlur={(e) => onChange(e.detail.value)}
      />
    </View>
  )
}

export function PhoneField({ value, masked, onChange }: { value: string; masked: string | null; onChange: (v: string) => void }) {
  return (
    <View className="form-field">
      <Text className="form-label">手机号（选填）</Text>
      <Input
        className="form-input profile__phone"
        type="number"
        value={value}
        maxlength={11}
        placeholder={masked ? `已填 ${masked}，不改可留空` : '只有联络员能看到完整号码'}
        onInput={(e) => onChange(e.detail.value)}
      />
    </View>
  )
}
