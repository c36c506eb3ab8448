/**
 * Upload a station photo (town edit page); resolves to the fileID, or null when it failed.
 * The stations function accepts only the caller's own uploads (`uploads/<openid>/…`) or files under
 * `stations/<stationId>/`. Platform files: upload-station-photo.weapp.ts (wx.cloud.uploadFile),
 * upload-station-photo.h5.ts (local cloud `POST /api/storage/upload`).
 */
export async function uploadStationPhoto(_localPath: string, _stationId: string | null): Promise<string | null> {
  return null
}
