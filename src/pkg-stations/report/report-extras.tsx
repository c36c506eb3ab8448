/**
 * 补充说明 and a photo, both optional. The photo is uploaded only when the report is sent.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.chooseImage.html
 */
import { Button, Image, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

export interface ReportExtrasProps {
  note: string
  onNote: (v: string) => void
  /** Local path of the picked photo. */
  photo: string | null
  onPhoto: (path: string | null) => void
}

async function pick(onPhoto: (path: string | null) => void) {
  try {
    const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['camera', 'album'] })
    onPhoto(res.tempFilePaths[0] ?? null)
  } catch {
    // cancelled
  }
}

export default function ReportExtras({ note, onNote, photo, onPhoto }: ReportExtrasProps) {
  return (
    <>
      <Textarea
        className="form-textarea"
        value={note}
        maxlength={100}
        placeholder="比如：插上没反应"
        onInput={(e) => onNote(e.detail.value)}
      />
      {photo ? (
        <View className="report__photo-row">
          <Image className="report__photo" src={photo} mode="aspectFill" />
          <Button className="button-secondary" hoverClass="button-secondary--hover" onClick={() => onPhoto(null)}>
            删除照片
          </Button>
        </View>
      ) : (
        <Button className="button-secondary button-wide" hoverClass="button-secondary--hover" onClick={() => void pick(onPhoto)}>
          拍照 / 选照片
        </Button>
      )}
    </>
  )
}
