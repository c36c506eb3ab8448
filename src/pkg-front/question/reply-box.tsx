/** A text box with a send button (and photos for the rider): used to reply, answer and ask back. */
import { Text, Textarea, View } from '@tarojs/components'
import { type ReactNode, useState } from 'react'
import PhotoPicker from '../components/photo-picker'

export interface ReplyBoxProps {
  placeholder: string
  text: string
  onText: (t: string) => void
  photos?: { key: string; src: string }[]
  onPhotos?: (p: { key: string; src: string }[]) => void
  /** The buttons, given the trimmed text and a `busy` wrapper that disables them while sending. */
  actions: (text: string, run: (fn: () => Promise<string | null>) => void, busy: boolean) => ReactNode
}

export default function ReplyBox({ placeholder, text, onText, photos, onPhotos, actions }: ReplyBoxProps) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = (fn: () => Promise<string | null>) => {
    if (busy) return
    setBusy(true)
    setError(null)
    void fn().then((err) => {
      setBusy(false)
      setError(err)
    })
  }
  return (
    <View className="fr-replybox">
      <Textarea
        className="form-textarea fr-textarea fr-replybox__text"
        value={text}
        maxlength={800}
        placeholder={placeholder}
        onInput={(e) => onText(e.detail.value)}
      />
      {photos && onPhotos ? (
        <PhotoPicker
          photos={photos}
          max={3}
          onAdd={(paths) => onPhotos([...photos, ...paths.map((p) => ({ key: p, src: p }))])}
          onRemove={(key) => onPhotos(photos.filter((p) => p.key !== key))}
        />
      ) : null}
      {error ? <Text className="form-error fr-replybox__error">{error}</Text> : null}
      {actions(text.trim(), run, busy)}
    </View>
  )
}
