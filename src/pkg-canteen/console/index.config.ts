/** Docs: https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/page.html */
export default definePageConfig({
  navigationBarTitleText: '食堂管理',
  enablePullDownRefresh: true,
})
