/** 基本信息: name, type, address, position (typed, or picked on WeChat's map), phone, capacity note. */
import type { Provider } from '@cloud/stations/contract'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import ChipPicker from '@/components/chip-picker'
import type { Form } from './station-form'

const PROVIDERS: { key: Provider; label: string }[] = [
  { key: 'town', label: '红色加油站' },
  { key: 'union', label: '工会驿站' },
  { key: 'partner_shop', label: '合作商户' },
  { key: 'store_24h', label: '24 小时便利店' },
]

export interface FieldsProps {
  form: Form
  set: (patch: Partial<Form>) => void
}

async function pickLocation({ form, set }: FieldsProps) {
  try {
    const r = await Taro.chooseLocation({})
    set({ lat: String(r.latitude), lng: String(r.longitude), address: form.address || r.address })
  } catch {
    // cancelled or unavailable: type the coordinates
  }
}

export default function BasicsFields({ form, set }: FieldsProps) {
  const field = (key: 'name' | 'address' | 'capacityNote' | 'phone', max: number, placeholder = '') => (
    <Input
      className="form-input"
      type="text"
      value={form[key]}
      maxlength={max}
      placeholder={placeholder}
      onInput={(e) => set({ [key]: e.detail.value })}
    />
  )
  return (
    <>
      <Text className="form-label">名称</Text>
      {field('name', 40, '如：万达广场红色加油站')}
      <Text className="form-label">类型</Text>
      <ChipPicker options={PROVIDERS} selected={[form.provider]} onPick={(provider) => set({ provider })} className="edit__chips" />
      <Text className="form-label">地址</Text>
      {field('address', 80, '街道门牌')}
      <Text className="form-label">位置（纬度、经度）</Text>
      <View className="edit__coords">
        <Input
          className="form-input edit__coord"
          type="digit"
          value={form.lat}
          placeholder="31.1168"
          onInput={(e) => set({ lat: e.detail.value })}
        />
        <Input
          className="form-input edit__coord"
          type="digit"
          value={form.lng}
          placeholder="121.5746"
          onInput={(e) => set({ lng: e.detail.value })}
        />
      </View>
      {process.env.TARO_ENV === 'weapp' ? (
        <Button
          className="button-secondary button-wide"
          hoverClass="button-secondary--hover"
          onClick={() => void pickLocation({ form, set })}
        >
          在地图上选点
        </Button>
      ) : null}
      <Text className="form-label">电话（可不填，如 021-58110000）</Text>
      {field('phone', 20, '021-58110000')}
      <Text className="form-label">容纳说明（可不填）</Text>
      {field('capacityNote', 60, '如：室内 12 个座位')}
    </>
  )
}
