/**
 * Subscribe messages: `wx.requestSubscribeMessage` accepts (one-time: each accept allows one send)
 * and `subscribeMessage.send` into an inspectable outbox, with the keyword value limits of
 * "订阅消息参数值内容限制说明" checked loosely.
 */
import { str, type WxJson, wxError } from './wire'

export interface OutboxEntry {
  at: string
  touser: string
  templateId: string
  page?: string
  data: Record<string, { value: string }>
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/
const chars = (s: string): number => [...s].length
const KEYWORD_CHECKS: Record<string, (v: string) => boolean> = {
  thing: (v) => chars(v) <= 20,
  number: (v) => /^[+-]?\d+(\.\d+)?$/.test(v) && v.replace(/\D/g, '').length <= 32,
  letter: (v) => /^[A-Za-z]{1,32}$/.test(v),
  symbol: (v) => chars(v) <= 5 && !/[A-Za-z0-9]/.test(v) && !CJK.test(v),
  character_string: (v) => /^[\x21-\x7e]{1,32}$/.test(v),
  time: (v) => chars(v) <= 64 && /\d/.test(v),
  date: (v) => chars(v) <= 64 && /\d/.test(v),
  amount: (v) => /^[^\d\s]?\d{1,10}(\.\d+)?元?$/.test(v),
  phone_number: (v) => chars(v) <= 17 && /^[\d+\-() ]+$/.test(v),
  car_number: (v) => chars(v) <= 8,
  name: (v) => (CJK.test(v) ? chars(v) <= 10 : chars(v) <= 20),
  phrase: (v) => chars(v) <= 5 && [...v].every((c) => CJK.test(c)),
}

function keywordType(key: string): string | undefined {
  const m = /^([a-z_]+?)_?(\d+)$/.exec(key)
  return m ? m[1] : undefined
}

function checkData(raw: unknown): { data: Record<string, { value: string }> } | { error: WxJson } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || Object.keys(raw).length === 0)
    return { error: wxError(47003, 'argument invalid! data is empty') }
  const data: Record<string, { value: string }> = {}
  for (const [key, entry] of Object.entries(raw as Record<string, unknown>)) {
    const value = entry && typeof entry === 'object' ? str((entry as { value?: unknown }).value) : undefined
    if (value === undefined || value.trim() === '') return { error: wxError(47003, `argument invalid! data.${key}.value is empty`) }
    const type = keywordType(key)
    const check = type ? KEYWORD_CHECKS[type] : undefined
    if (check && !check(value)) return { error: wxError(47003, `argument invalid! data.${key}.value invalid`) }
    data[key] = { value }
  }
  return { data }
}

export function createSubscriptions() {
  const accepted = new Map<string, Map<string, number>>()
  let sent: OutboxEntry[] = []

  function record(openid: string, templateIds: string[]): void {
    const mine = accepted.get(openid) ?? new Map<string, number>()
    accepted.set(openid, mine)
    for (const id of templateIds) mine.set(id, (mine.get(id) ?? 0) + 1)
  }

  function send(params: Record<string, unknown>): WxJson {
    const touser = str(params.touser)
    if (!touser) return wxError(40003, 'invalid openid hint')
    const templateId = str(params.template_id)
    if (!templateId) return wxError(40037, 'invalid template_id hint')
    const state = params.miniprogram_state
    if (state !== undefined && !['developer', 'trial', 'formal'].includes(String(state)))
      return wxError(47003, 'argument invalid! miniprogram_state invalid')
    const page = params.page === undefined ? undefined : str(params.page)
    const checked = checkData(params.data)
    if ('error' in checked) return checked.error
    const mine = accepted.get(touser)
    const left = mine?.get(templateId) ?? 0
    if (left <= 0) return wxError(43101, 'user refuse to accept the msg')
    mine?.set(templateId, left - 1)
    sent.push({ at: new Date().toISOString(), touser, templateId, ...(page !== undefined ? { page } : {}), data: checked.data })
    return { errcode: 0, errmsg: 'ok' }
  }

  return {
    record,
    send,
    outbox: (): OutboxEntry[] => sent.map((e) => ({ ...e, data: { ...e.data } })),
    clear: () => {
      sent = []
    },
  }
}
