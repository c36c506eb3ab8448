/** Times of the topics pages, read from the server's ISO strings with +08:00 by the client's one business-time module. */
import { dayTime, monthDay } from '@/utils/shanghai-day'

export { dayText } from '@/components/topic-card'

/** 12月7日 19:00 */
export const timeText = (iso: string): string => dayTime(iso)

/** 12月10日 from YYYY-MM-DD */
export const dateText = (date: string | null): string => (date ? monthDay(date) : '')

/** The page of a topic, for links and share cards. */
export const topicPath = (topicId: string) => `/pkg-topics/detail/index?topicId=${encodeURIComponent(topicId)}`
