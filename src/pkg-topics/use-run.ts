/**
 * Run one action of a topics page: at most one at a time (a second tap while it runs does nothing),
 * a short toast on success, the server's message in a dialog on failure, then reload the page.
 */
import type { Envelope } from '@cloud/_lib/envelope'
import Taro from '@tarojs/taro'
import { useState } from 'react'

export function useRun(reload: () => Promise<void> | void) {
  const [busy, setBusy] = useState<string | null>(null)
  async function run<T>(name: string, call: () => Promise<Envelope<T>>, done?: string): Promise<T | null> {
    if (busy) return null
    setBusy(name)
    try {
      const r = await call()
      if (!r.ok) {
        void Taro.showModal({ title: '没有成功', content: r.error.message, showCancel: false, confirmText: '知道了' })
        return null
      }
      if (done) void Taro.showToast({ title: done, icon: 'none', duration: 2000 })
      await reload()
      return r.data
    } finally {
      setBusy(null)
    }
  }
  return { busy, run }
}
