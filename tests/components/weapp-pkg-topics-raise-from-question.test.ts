/**
 * @jest-environment jsdom
 *
 * The built weapp raise page opened from the liaison's 转为议题: the liaison (not a verified rider) is
 * let through, told in one line the asker stays anonymous, the question's words are the
 * description, and the topic is sent with fromQuestionId and opened.
 */
import { loadWeappPage } from './helpers/weapp'
import { freshQuestion, stubWx } from './question-topic-helpers'
import { calledAfter, cloudUrl, type } from './topics-helpers'

test('the liaison raises a topic from a question: prefilled, anonymous asker, sent with fromQuestionId', async () => {
  const text = '周园路口红绿灯时间太短，电动车过不去，能不能调长一点？'
  const id = await freshQuestion(text)
  stubWx()
  const page = await loadWeappPage('pkg-topics/raise/index', {
    cloudUrl: cloudUrl(),
    openid: 'o-demo-liaison-li',
    query: { fromQuestion: id },
  })
  await page.waitForText('把问题转为议题', 10000)
  expect(page.text()).toContain('提问人不公开')
  expect(page.text()).not.toContain('认证后才能提议题')
  await page.waitForText(`${text.length}/500`, 5000)
  await type(page, '.form-input', '周园路口红绿灯太短')
  await page.tap('.chip')
  const before = page.calls.length
  await page.tap('.raise__send')
  await calledAfter(page, before, 'createTopic', 5000)
  const sent = page.calls.slice(before).find((c) => c.data.action === 'createTopic')
  expect(sent?.data).toMatchObject({ fromQuestionId: id, description: text, title: '周园路口红绿灯太短' })
  await new Promise((r) => setTimeout(r, 500))
  expect(page.navigations.some((n) => n.api === 'redirectTo' && n.url.startsWith('/pkg-topics/detail/index?topicId='))).toBe(true)
})
