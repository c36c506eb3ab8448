/**
 * The raise form's state and sending it: the categories and whether I may raise (one call each, in
 * parallel), similar open topics as the title is typed (after a pause), and sending — ask for the
 * two messages (progress, moderation) from the tap, upload the photos into my own topics folder,
 * create the topic once (the requestId is kept while the form is open, so a retry after a network
 * failure does not make a second topic).
 */
import type { AppErrorBody } from '@cloud/_lib/envelope'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useCloudQuery } from '@/hooks/use-cloud-query'
import { getQuestion } from '@/services/fronts'
import { uploadImage } from '@/services/storage/upload-image'
import {
  type ConsentKey,
  createTopic,
  getTopicConfig,
  myTopicRole,
  newRequestId,
  type SimilarTopic,
  suggestSimilar,
} from '@/services/topics'
import { askSubscribe } from '@/services/users/subscribe'

export interface Form {
  title: string
  description: string
  category: string
  placeText: string
  point: { lat: number; lng: number } | null
  photos: string[]
}

const EMPTY: Form = { title: '', description: '', category: '', placeText: '', point: null, photos: [] }

/** What is missing, in words a rider understands; null when the form can be sent. */
export function problemOf(f: Form): string | null {
  if (f.title.trim().length < 4) return '标题至少写 4 个字'
  if (!f.category) return '请选一个分类'
  if (f.description.trim().length < 10) return '情况至少写 10 个字，说清楚在哪、什么时候、怎么不方便'
  if (f.placeText.trim() && f.placeText.trim().length < 2) return '地点至少 2 个字'
  return null
}

/** The categories, whether I may raise, and (from the liaison's 转为议题 on a question) the question it comes from. */
function useSetup() {
  const fromQuestion = useRouter().params.fromQuestion || ''
  return useCloudQuery(
    useCallback(async () => {
      const [config, role, q] = await Promise.all([
        getTopicConfig(),
        myTopicRole(),
        fromQuestion ? getQuestion(fromQuestion) : Promise.resolve(null),
      ])
      if (!config.ok) return config
      if (!role.ok) return role
      if (q && !q.ok) return q
      const categories = config.data.categories.filter((c) => c.active)
      return { ok: true as const, data: { categories, role: role.data, question: q ? q.data : null } }
    }, [fromQuestion]),
  )
}

export function useRaise() {
  const setup = useSetup()
  const [form, setForm] = useState<Form>(EMPTY)
  const question = setup.state.status === 'ready' ? setup.state.data.question : null
  // the question's words become the description (the liaison edits them)
  useEffect(() => {
    if (question) setForm((f) => (f.description ? f : { ...f, description: question.text.slice(0, 500) }))
  }, [question])
  const [similar, setSimilar] = useState<SimilarTopic[]>([])
  const [sending, setSending] = useState<string | null>(null)
  const requestId = useRef(newRequestId())
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }))

  useEffect(() => {
    const title = form.title.trim()
    if (title.length < 4) return setSimilar([])
    const timer = setTimeout(() => {
      void suggestSimilar({
        title,
        ...(form.category ? { category: form.category } : {}),
        ...(form.point ? { point: form.point } : {}),
      }).then((r) => r.ok && setSimilar(r.data.similar))
    }, 600)
    return () => clearTimeout(timer)
  }, [form.title, form.category, form.point])

  async function send(): Promise<{ id: string } | { error: AppErrorBody | string }> {
    const problem = problemOf(form)
    if (problem) return { error: problem }
    const role = setup.state.status === 'ready' ? setup.state.data.role : null
    const accepted: ConsentKey[] = []
    if (role && (await askSubscribe([role.templates.progress, role.templates.moderation]))) accepted.push('progress', 'moderation')
    setSending('正在上传照片…')
    const photos: string[] = []
    try {
      for (const p of form.photos) photos.push(await uploadImage(p, 'topics'))
    } catch (err) {
      setSending(null)
      return { error: `照片没有传上去：${(err as Error).message}。也可以去掉照片再提交。` }
    }
    setSending('正在提交…')
    const place = form.placeText.trim() ? { text: form.placeText.trim(), ...(form.point ? { point: form.point } : {}) } : undefined
    const r = await createTopic({
      title: form.title.trim(),
      description: form.description.trim(),
      category: form.category,
      requestId: requestId.current,
      ...(place ? { place } : {}),
      ...(photos.length ? { photos } : {}),
      accepted,
      ...(question ? { fromQuestionId: question.id } : {}),
    })
    setSending(null)
    return r.ok ? { id: r.data.id } : { error: r.error }
  }

  const pickPlace = async () => {
    try {
      const r = await Taro.chooseLocation({})
      set({ point: { lat: r.latitude, lng: r.longitude }, placeText: form.placeText || r.name || r.address })
    } catch {
      // cancelled: the typed place stays
    }
  }
  return { setup, form, set, similar, sending, send, pickPlace }
}
