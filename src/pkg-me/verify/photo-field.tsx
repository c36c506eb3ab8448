/** The badge photo: pick (camera or album), upload into my own verification folder, show it. */
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { requirePrivacy } from '@/hooks/use-privacy'
import { uploadImage } from '@/services/storage/upload-image'

export interface Photo {
  path: string
  fileId: string | null
}

interface Props {
  photo: Photo | null
  onPhoto: (p: Photo | null) => void
  onError: (message: string | null) => void
  onBusy: (busy: boolean) => void
}

export default function PhotoField({ photo, onPhoto, onError, onBusy }: Props) {
  async function pick() {
    if (!(await requirePrivacy())) return
    const res = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['camera', 'album'] }).catch(() => null)
    const path = res?.tempFilePaths?.[0]
    if (!path) return
    onError(null)
    onPhoto({ path, fileId: null })
    onBusy(true)
    try {
      onPhoto({ path, fileId: await uploadImage(path, 'verification') })
    } catch (e) {
      onPhoto(null)
      onError((e as Error).message || '照片上传失败，请重试')
    } finally {
      onBusy(false)
    }
  }
  return (
    <View className="form-field">
      <Text className="form-label">工牌或接单页照片</Text>
      <View className="photo-box verify__photo" onClick={() => void pick()}>
        {photo ? (
          <Image className="photo-box__image" src={photo.path} mode="aspectFit" />
        ) : (
          <Text className="photo-box__text">点这里拍照或从相册选</Text>
        )}
      </View>
      <Text className="form-hint">{photo && !photo.fileId ? '正在上传…' : '看得清姓名或工号即可，可以遮住其他信息。'}</Text>
    </View>
  )
}
