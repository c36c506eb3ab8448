/** H5 (local cloud): `POST /api/subscribe` records the accept, like wx.requestSubscribeMessage. */
export async function askSubscribe(tmplIds: string[]): Promise<boolean> {
  try {
    const res = await fetch('/api/subscribe', {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ tmplIds }),
    })
    return res.ok
  } catch {
    return false
  }
}
