/**
 * Ask the user to accept one-time subscribe messages (e.g. the verification result) before the
 * action whose outcome arrives later. Platform files: subscribe.weapp.ts (wx.requestSubscribeMessage,
 * must run inside a tap handler) and subscribe.h5.ts (the local cloud's stand-in). Never throws:
 * a refusal only means the in-app notice is the one that tells them.
 */
export async function askSubscribe(_tmplIds: string[]): Promise<boolean> {
  return false
}
