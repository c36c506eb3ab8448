/**
 * Sending a manager's change: photos first (into the caller's own topics folder; a failed upload is
 * said, not dropped), then the move or the change; the page reloads to show the new status.
 */
import type { Envelope } from '@cloud/_lib/envelope'
import Taro from '@tarojs/taro'
import { uploadImage } from '@/services/storage/upload-image'
import { addMilestone, extendDeadline, type MoveParams, setStatus, updateSession } from '@/services/topics'

type Run = <T>(name: string, call: () => Promise<Envelope<T>>, done?: string) => Promise<T | null>

async function uploaded(paths: string[]): Promise<string[] | null> {
  try {
    const ids: string[] = []
    for (const p of paths) ids.push(await uploadImage(p, 'topics'))
    return ids
  } catch (err) {
    void Taro.showModal({
      title: '照片没有传上去',
      content: `${(err as Error).message}。可以去掉照片再提交。`,
      showCancel: false,
      confirmText: '知道了',
    })
    return null
  }
}

export function useManage(topicId: string, run: Run) {
  async function move(params: MoveParams, photos: string[] = []) {
    const ids = await uploaded(photos)
    if (!ids) return
    const withPhotos = ids.length && (params.to === 'implementing' || params.to === 'done') ? { ...params, photos: ids } : params
    const r = await run('move', () => setStatus(withPhotos), '已更新，关注的人会收到通知')
    if (r) void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined)
  }
  async function extra(what: 'deadline' | 'milestone' | 'session', params: Record<string, unknown>, photos: string[] = []) {
    const ids = await uploaded(photos)
    if (!ids) return
    if (what === 'deadline')
      await run('extra', () => extendDeadline({ topicId, ...(params as { dueDate: string; reason: string }) }), '期限已延后')
    if (what === 'milestone')
      await run(
        'extra',
        () => addMilestone({ topicId, ...(params as { text: string }), ...(ids.length ? { photos: ids } : {}) }),
        '进展已发布',
      )
    if (what === 'session') await run('extra', () => updateSession({ topicId, ...(params as { reason: string }) }), '议事会已修改')
  }
  return { move, extra }
}
