/** Docs: https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/page.html */
export default definePageConfig({
  navigationBarTitleText: '我的爱心餐预约',
  enablePullDownRefresh: true,
})
