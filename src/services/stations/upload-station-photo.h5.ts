/**
 * h5 (local cloud): the same upload as the identity pages (`POST /api/storage/upload`); the local
 * cloud stores it under `uploads/<openid>/…` for the logged-in person. null when it fails.
 */
import { uploadImage } from '@/services/users/upload'

export async function uploadStationPhoto(localPath: string, _stationId: string | null): Promise<string | null> {
  return uploadImage(localPath, 'uploads').catch(() => null)
}
