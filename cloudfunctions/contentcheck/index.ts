/**
 * contentcheck — receives WeChat's content-security verdicts for photos (`wxa_media_check`
 * message pushes, configured in the console: 消息推送 → 云函数 contentcheck) and applies them
 * through the content guard: a passed photo becomes visible, a failed one is taken off its
 * record, deleted and its author told.
 * Actions: mediaVerdict (system only; the push carries no `action`, the router maps its `Event`).
 * Collections: media_checks (rw), the photo's own record (rw), notifications (via notify).
 * Openapi permissions: none (it only receives). Storage: deleteFile.
 */
import { receiveMediaVerdict } from '../_lib/content'
import { type ActionTable, actionsOf, createMain } from '../_lib/router'
import { contentcheckContract } from './contract'

const act = actionsOf(contentcheckContract)

const mediaVerdict = act('mediaVerdict', {
  summary: '图片内容安全检查的结果推送（wxa_media_check）：通过的图片对别人可见，未通过的从记录中去掉、删除文件并告知上传的人',
  roles: ['system'],
  allowSystem: true,
  handler: (input, { now }) => receiveMediaVerdict(input, now),
})

export const actions = { mediaVerdict } satisfies ActionTable<typeof contentcheckContract>
export const main = createMain('contentcheck', actions, { wxa_media_check: 'mediaVerdict' })
