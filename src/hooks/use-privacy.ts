/**
 * The privacy guide flow on weapp: when a privacy-relevant API (chooseAvatar, chooseMedia,
 * getLocation, …) needs the user's agreement, WeChat calls `onNeedPrivacyAuthorization`; the
 * visible page shows its privacy popup (components/privacy-popup) whose
 * `open-type="agreePrivacyAuthorization"` button resolves it. `requirePrivacy()` asks up front.
 * Docs: https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/PrivacyAuthorize.html
 * The data items themselves are declared in the mini-program console (README: Privacy).
 */
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'

type Resolve = (result: { event: 'agree' | 'disagree' | 'exposureAuthorization'; buttonId?: string }) => void

let pending: Resolve | null = null
const listeners = new Set<(visible: boolean) => void>()
const emit = () => {
  for (const l of listeners) l(pending !== null)
}

/** Registered once by the app on weapp. */
export function installPrivacyHandler(): void {
  if (process.env.TARO_ENV !== 'weapp' || typeof Taro.onNeedPrivacyAuthorization !== 'function') return
  try {
    Taro.onNeedPrivacyAuthorization(onNeed)
  } catch {
    // base library older than 2.32.3: no privacy flow to take part in
  }
}

function onNeed(resolve: Parameters<Parameters<typeof Taro.onNeedPrivacyAuthorization>[0]>[0]): void {
  pending = resolve as unknown as Resolve
  if (listeners.size === 0) {
    // No page popup on screen: say why and decline this once; the user can agree later.
    void Taro.showModal({ title: '需要你的同意', content: '请在“我的”页面查看并同意隐私保护指引后再试。', showCancel: false })
    pending({ event: 'disagree' })
    pending = null
    return
  }
  emit()
}

export function usePrivacyPrompt(): { visible: boolean; agreed: (buttonId: string) => void; declined: () => void } {
  const [visible, setVisible] = useState(pending !== null)
  useEffect(() => {
    listeners.add(setVisible)
    return () => {
      listeners.delete(setVisible)
    }
  }, [])
  return {
    visible,
    agreed(buttonId) {
      pending?.({ event: 'agree', buttonId })
      pending = null
      emit()
    },
    declined() {
      pending?.({ event: 'disagree' })
      pending = null
      emit()
    },
  }
}

/** Ask for agreement before the first privacy-relevant call on a page (weapp; elsewhere resolves). */
export function requirePrivacy(): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp' || typeof Taro.requirePrivacyAuthorize !== 'function') return Promise.resolve(true)
  return new Promise((resolve) => {
    Taro.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) })
  })
}
