/**
 * Station photos (up to 6): uploaded into the caller's own `stations/` folder; a new photo is shown
 * to riders once it passes its content check (审核中 until then); a removed one is deleted when saved.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.chooseImage.html
 */
import { Button, Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { uploadImage } from '@/services/storage/upload-image'
import type { FormPhoto } from './station-form'

/** The contract's MAX_STATION_PHOTOS (the client imports the contract's types only); the server checks it again. */
export const MAX_STATION_PHOTOS = 6

async function upload(paths: string[]): Promise<FormPhoto[]> {
  const added: FormPhoto[] = []
  for (const path of paths) {
    const fileId = await uploadImage(path, 'stations').catch(() => null)
    if (fileId) added.push({ fileId, src: path, pending: true })
  }
  if (added.length < paths.length) void Taro.showToast({ title: `${paths.length - added.length} 张照片没有传上去，请重试`, icon: 'none' })
  return added
}

export default function PhotosField({
  photos,
  onChange,
  editing,
}: {
  photos: FormPhoto[]
  onChange: (p: FormPhoto[]) => void
  editing: boolean
}) {
  const [uploading, setUploading] = useState(false)
  const room = MAX_STATION_PHOTOS - photos.length
  async function add() {
    if (room <= 0 || uploading) return
    const picked = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] }).catch(() => null)
    if (!picked) return // cancelled
    setUploading(true)
    const added = await upload(picked.tempFilePaths.slice(0, room))
    setUploading(false)
    onChange([...photos, ...added].slice(0, MAX_STATION_PHOTOS))
  }
  return (
    <>
      {photos.length ? (
        <View className="edit__photos">
          {photos.map((p, i) => (
            <View key={p.fileId} className="edit__photo-cell">
              <Image className="edit__photo" src={p.src} mode="aspectFill" />
              {p.pending ? <Text className="edit__photo-pending">审核中，通过后小哥才看得到</Text> : null}
              <View
                className="edit__photo-remove"
                hoverClass="edit__photo-remove--pressed"
                onClick={() => onChange(photos.filter((x) => x.fileId !== p.fileId))}
              >
                <Text>删除第 {i + 1} 张</Text>
              </View>
            </View>
          ))}
        </View>
      ) : (
        <Text className="form-hint">还没有照片。门头、室内各拍一张，小哥更好找。</Text>
      )}
      <Button
        className="button-secondary button-wide"
        hoverClass="button-secondary--hover"
        disabled={room <= 0 || uploading || undefined}
        onClick={() => void add()}
      >
        {uploading ? '正在上传…' : room > 0 ? `添加照片（还可加 ${room} 张）` : `最多 ${MAX_STATION_PHOTOS} 张照片`}
      </Button>
      {editing ? <Text className="form-hint">删除的照片在保存后从存储中删除。</Text> : null}
    </>
  )
}
