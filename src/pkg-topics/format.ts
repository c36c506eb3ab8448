/** Times of the topics pages, read from the server's ISO strings with +08:00 (the phone's zone never shifts them). */
export { dayText } from '@/components/topic-card'

/** 12月7日 19:00 */
export function timeText(iso: string): string {
  const m = /^\d{4}-(\d{2})-(\d{2})T(\d{2}:\d{2})/.exec(iso)
  return m ? `${Number(m[1])}月${Number(m[2])}日 ${m[3]}` : ''
}

/** 12月10日 from YYYY-MM-DD */
export function dateText(date: string | null): string {
  const m = date ? /^\d{4}-(\d{2})-(\d{2})$/.exec(date) : null
  return m ? `${Number(m[1])}月${Number(m[2])}日` : ''
}

/** The page of a topic, for links and share cards. */
export const topicPath = (topicId: string) => `/pkg-topics/detail/index?topicId=${encodeURIComponent(topicId)}`
