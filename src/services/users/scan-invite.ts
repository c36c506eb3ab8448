/**
 * Scan the liaison's invite QR code from inside the app and get its token ('' when the code is not
 * an invite, null when scanning is not possible here). Platform files: scan-invite.weapp.ts
 * (wx.scanCode). Elsewhere (H5) there is no camera scanner: the rider opens the link instead.
 */
export const canScanInvite = false

export async function scanInvite(): Promise<string | null> {
  return null
}
