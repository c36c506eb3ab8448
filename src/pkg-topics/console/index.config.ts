/** Docs: https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/page.html */
export default definePageConfig({
  navigationBarTitleText: '议事工作台',
  enablePullDownRefresh: true,
})
