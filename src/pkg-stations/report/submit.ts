/**
 * Sending a report: ask (from the tap, as WeChat requires) to be told the outcome, upload the photo
 * into the rider's own `reports/` folder, send. Answers what to tell the rider.
 */
import type { ReportOption, ReportResult } from '@cloud/stations/contract'
import { reportProblem } from '@/services/stations/stations'
import { uploadImage } from '@/services/storage/upload-image'
import { askSubscribe } from '@/services/users/subscribe'

export type Sent = { ok: true; text: string } | { ok: false; title: string; text: string }

const THANKS: Record<ReportResult['outcome'], (count: number) => string> = {
  created: () => '已经告诉驿站工作人员和联络员，处理好了会通知你。',
  merged: (n) => `已有 ${n} 位小哥反映了同样的问题，已为你记上一票，处理好了会通知你。`,
  already: () => '你已经反映过这个问题了，处理好了会通知你。',
}

export interface Report {
  stationId: string
  template: string
  choice: ReportOption
  note: string
  photo: string | null
}

export async function submitReport({ stationId, template, choice, note, photo }: Report): Promise<Sent> {
  await askSubscribe([template])
  let photoFileId: string | undefined
  if (photo) {
    try {
      photoFileId = await uploadImage(photo, 'reports')
    } catch (err) {
      return { ok: false, title: '照片没有传上去', text: `${(err as Error).message}。也可以去掉照片直接提交。` }
    }
  }
  const r = await reportProblem({
    stationId,
    service: choice.service,
    kind: choice.kind,
    ...(note.trim() ? { note: note.trim() } : {}),
    ...(photoFileId ? { photoFileId } : {}),
  })
  if (!r.ok) return { ok: false, title: '没有提交成功', text: r.error.message }
  const thanks = THANKS[r.data.outcome](r.data.count)
  return { ok: true, text: photoFileId ? `${thanks}照片审核通过后，其他人才能看到。` : thanks }
}
