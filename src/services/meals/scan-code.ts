/**
 * Scan a pickup QR code at the counter. Platform files: scan-code.weapp.ts (wx.scanCode); other
 * platforms have no camera scanner here and answer null (staff type the code).
 */
export const canScan = false

export async function scanPickupCode(): Promise<string | null> {
  return null
}
