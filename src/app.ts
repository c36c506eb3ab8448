/**
 * App entry. On weapp, initialise WeChat Cloud once with the environment from .env.
 * Docs: https://docs.taro.zone/docs/react-entry  ·  https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/init/client.init.html
 */

import Taro, { useDidShow, useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { CLOUD_ENV } from '@/config/cloud'
import { installPrivacyHandler } from '@/hooks/use-privacy'
import { enterFromGroup } from '@/services/users/group-entry'
import './app.scss'

if (process.env.TARO_ENV === 'weapp') {
  Taro.cloud.init({ env: CLOUD_ENV, traceUser: true })
}

// Each page loads its own data through src/services; the app component only hosts them.
function App({ children }: PropsWithChildren) {
  // Group entry: opened from a WeChat group (card, group tab) → join that group's micro-front.
  useLaunch(() => {
    installPrivacyHandler()
    void enterFromGroup()
  })
  useDidShow(() => void enterFromGroup())
  return children
}

export default App
