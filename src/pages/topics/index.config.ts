/** Docs: https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/page.html */
export default definePageConfig({
  navigationBarTitleText: '协商议事',
  enablePullDownRefresh: true,
  onReachBottomDistance: 200,
})
