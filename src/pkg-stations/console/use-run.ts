/** Run one console change at a time: a toast when it worked, the server's message when not, then reload. */
import Taro from '@tarojs/taro'
import { useState } from 'react'

export type Run = (work: () => Promise<{ ok: boolean; error?: { message: string } }>, success: string) => Promise<void>

export function useRun(reload: () => Promise<void>): { busy: boolean; run: Run } {
  const [busy, setBusy] = useState(false)
  const run: Run = async (work, success) => {
    if (busy) return
    setBusy(true)
    const r = await work()
    setBusy(false)
    if (!r.ok) {
      void Taro.showModal({ title: '没有成功', content: r.error?.message ?? '', showCancel: false, confirmText: '知道了' })
      return
    }
    void Taro.showToast({ title: success, icon: 'success' })
    await reload()
  }
  return { busy, run }
}
