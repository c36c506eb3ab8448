/**
 * WeChat Cloud settings. The environment id is set in ONE place: `TARO_APP_CLOUD_ENV` in the
 * repo-root `.env` (Taro injects TARO_APP_* at build time).
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/init/client.init.html
 */
export const CLOUD_ENV: string = process.env.TARO_APP_CLOUD_ENV ?? ''

/** Give up on a call after this long; the page then shows its 重试 state. */
export const CALL_TIMEOUT_MS = 15_000
