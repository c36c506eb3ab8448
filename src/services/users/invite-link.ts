/**
 * The invite as a link and a QR code. WeChat opens a mini-program page from a plain QR code only for
 * URLs registered as a 扫普通链接二维码打开小程序 rule (mini-program console → 开发管理 →
 * 扫普通链接二维码打开小程序): register INVITE_URL_BASE below (a domain the town owns, with the
 * verification file the console asks for) with the page `pkg-me/join/index`; the page then gets
 * the URL in `q`. The H5 preview encodes its own address of the join page.
 */
export const INVITE_URL_BASE = 'https://xgzj.example.cn/join'

/** The link a rider opens (what the QR code holds, what 复制邀请链接 copies). */
export function inviteLink(token: string): string {
  if (process.env.TARO_ENV === 'h5' && typeof location !== 'undefined')
    return `${location.origin}${location.pathname}#/pkg-me/join/index?t=${token}`
  return `${INVITE_URL_BASE}?t=${token}`
}

/** The token from the join page's params: `t` (share card, H5 link) or `q` (a scanned plain-link QR). */
export function inviteTokenFrom(params: Record<string, string | undefined>): string {
  if (params.t) return decodeURIComponent(params.t)
  if (params.q) return tokenInText(decodeURIComponent(params.q))
  return ''
}

/** The token inside a scanned text (an invite link), or ''. */
export function tokenInText(text: string): string {
  return /[?&]t=([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? ''
}
