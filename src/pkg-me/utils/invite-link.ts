/**
 * What the invite QR encodes. WeChat opens a mini-program page from a plain QR code only for
 * URLs registered as a 扫普通链接二维码打开小程序 rule (mini-program console → 开发管理 →
 * 扫普通链接二维码打开小程序): register INVITE_URL_BASE below (a domain the town owns, with the
 * verification file the console asks for) with the page `pkg-me/join/index`; the page then gets
 * the URL in `q`. The H5 preview encodes its own address of the join page.
 */
export const INVITE_URL_BASE = 'https://xgzj.example.cn/join'

export function inviteQrText(token: string): string {
  if (process.env.TARO_ENV === 'h5' && typeof location !== 'undefined')
    return `${location.origin}${location.pathname}#/pkg-me/join/index?t=${token}`
  return `${INVITE_URL_BASE}?t=${token}`
}

/** The token from the join page's params: `t` (share card, H5 link) or `q` (a scanned plain-link QR). */
export function inviteTokenFrom(params: Record<string, string | undefined>): string {
  if (params.t) return decodeURIComponent(params.t)
  if (params.q) {
    const m = /[?&]t=([A-Za-z0-9_-]+)/.exec(decodeURIComponent(params.q))
    if (m) return m[1]
  }
  return ''
}
