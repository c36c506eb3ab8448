/** `security.msgSecCheck` v2 against the local text rules: the real answer's shape (result, detail, trace_id). */
import type { ContentRule } from './content-rules'
import { str, traceId, type WxJson, wxError } from './wire'

const chars = (s: string): number => [...s].length

export function checkTextMsg(
  params: Record<string, unknown>,
  rules: { rule: ContentRule; test: (t: string) => string | undefined }[],
): WxJson {
  if (Number(params.version) !== 2) {
    // v1 (content only, errcode 87014) is frozen since 2021-09-01; v2 only here.
    return wxError(47001, 'data format error: local emulator serves msgSecCheck v2 only, call it with version: 2, scene and openid')
  }
  const openid = str(params.openid)
  if (!openid) return wxError(40003, 'invalid openid')
  const scene = Number(params.scene)
  if (![1, 2, 3, 4].includes(scene)) return wxError(40129, 'invalid scene')
  const content = str(params.content)
  if (!content) return wxError(44002, 'empty post data')
  if (chars(content) > 2500) return wxError(47001, 'data format error: content longer than 2500')
  const text = [params.title, params.nickname, scene === 1 ? params.signature : undefined, content].map((v) => str(v) ?? '').join('\n')
  const hits: { suggest: 'risky' | 'review'; label: number; keyword: string }[] = []
  for (const { rule, test } of rules) {
    const keyword = test(text)
    if (keyword !== undefined) hits.push({ suggest: rule.suggest === 'review' ? 'review' : 'risky', label: Number(rule.label), keyword })
  }
  const worst = hits.find((h) => h.suggest === 'risky') ?? hits[0]
  const detail: Record<string, unknown>[] = [{ strategy: 'content_model', errcode: 0, suggest: 'pass', label: 100, prob: 90 }]
  if (hits.length === 0) detail.push({ strategy: 'keyword', errcode: 0 })
  for (const h of hits) detail.push({ strategy: 'keyword', errcode: 0, suggest: h.suggest, label: h.label, level: 20, keyword: h.keyword })
  return {
    errcode: 0,
    errmsg: 'ok',
    result: worst ? { suggest: worst.suggest, label: worst.label } : { suggest: 'pass', label: 100 },
    detail,
    trace_id: traceId(),
  }
}
