/**
 * The notice form: category (安全提醒 also goes by WeChat message to those who asked), title, text,
 * photos, pinned, expiry. Long lines are fine; the counter shows what is left.
 */
import type { NoticeCategory } from '@cloud/fronts/contract'
import { Input, Text, Textarea, View } from '@tarojs/components'
import ChipPicker from '@/components/chip-picker'
import { NOTICE_CATEGORY, NOTICE_CATEGORY_ORDER } from '@/services/fronts/labels'
import PhotoPicker from '../components/photo-picker'
import ExpiryField, { type Expiry } from './expiry-field'

export interface Draft {
  category: NoticeCategory
  title: string
  body: string
  pinned: boolean
  expiry: Expiry
  /** attached cloud files (editing) and newly picked local paths */
  photos: { key: string; src: string; fileId?: string }[]
}

export default function NoticeForm({ draft, onChange }: { draft: Draft; onChange: (d: Draft) => void }) {
  const set = (patch: Partial<Draft>) => onChange({ ...draft, ...patch })
  return (
    <>
      <View className="form-field">
        <Text className="form-label">分类</Text>
        <ChipPicker
          options={NOTICE_CATEGORY_ORDER.map((k) => ({ key: k, label: NOTICE_CATEGORY[k].label }))}
          selected={[draft.category]}
          onPick={(k) => set({ category: k })}
        />
        {draft.category === 'safety' ? <Text className="form-hint">安全提醒会同时用微信消息通知愿意接收的小哥。</Text> : null}
      </View>
      <View className="form-field">
        <Text className="form-label">标题</Text>
        <Input
          className="form-input fr-post__title"
          value={draft.title}
          maxlength={40}
          placeholder="一句话说清楚，比如：今晚有雷阵雨"
          onInput={(e) => set({ title: e.detail.value })}
        />
      </View>
      <View className="form-field">
        <Text className="form-label">正文</Text>
        <Textarea
          className="form-textarea fr-textarea fr-post__body"
          value={draft.body}
          maxlength={1000}
          placeholder="写清楚什么事、什么时间、在哪里、要大家做什么"
          onInput={(e) => set({ body: e.detail.value })}
        />
        <Text className="form-hint">还能写 {1000 - draft.body.length} 字</Text>
      </View>
      <View className="form-field">
        <Text className="form-label">照片（可不加）</Text>
        <PhotoPicker
          photos={draft.photos}
          max={3}
          onAdd={(paths) => set({ photos: [...draft.photos, ...paths.map((p) => ({ key: p, src: p }))] })}
          onRemove={(key) => set({ photos: draft.photos.filter((p) => p.key !== key) })}
        />
      </View>
      <View className="form-field">
        <Text className="form-label">置顶</Text>
        <ChipPicker
          options={[
            { key: 'no', label: '不置顶' },
            { key: 'yes', label: '置顶' },
          ]}
          selected={[draft.pinned ? 'yes' : 'no']}
          onPick={(k) => set({ pinned: k === 'yes' })}
        />
        {draft.pinned ? <Text className="form-hint">置顶的公告排在微阵地和首页最上面。</Text> : null}
      </View>
      <View className="form-field">
        <Text className="form-label">到期</Text>
        <ExpiryField value={draft.expiry} onChange={(expiry) => set({ expiry })} />
      </View>
    </>
  )
}
