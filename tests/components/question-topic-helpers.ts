/**
 * Helpers of the 转为议题 page tests (a question turned into a topic): a fresh question asked by a
 * demo rider in the demo group (the page tests share one local cloud, so each test asks its own),
 * and the stubs of the wx APIs the pages use around the tap.
 */
import { call } from './topics-helpers'

let n = 0
export async function freshQuestion(text: string, asker = 'o-demo-rider-chen'): Promise<string> {
  const requestId = `cmp-q-${Date.now().toString(36)}-${++n}`
  const r = await call('fronts', 'ask', { groupId: 'grp-zhoupu-wanda', text, category: 'traffic', requestId }, asker)
  return r.id
}

/** wx APIs a tap may reach (toast, modal, the subscribe prompt), answered at once. */
export function stubWx(): void {
  const g = globalThis as unknown as { wx?: Record<string, unknown> }
  g.wx = {
    ...(g.wx ?? {}),
    showToast: () => undefined,
    showModal: () => Promise.resolve({ confirm: false }),
    requestSubscribeMessage: (o: { success?: (r: unknown) => void }) => o.success?.({}),
  }
}
