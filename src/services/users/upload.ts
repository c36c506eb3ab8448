/**
 * Upload a picked image to cloud storage under the caller's own folder; resolves to the fileID.
 * Platform files: upload.weapp.ts (wx.cloud.uploadFile) and upload.h5.ts (local cloud).
 */
export async function uploadImage(_tempFilePath: string, _folder: 'avatars' | 'verification' | 'uploads'): Promise<string> {
  throw new Error('upload is not supported on this platform')
}
