/** Docs: https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/page.html */
export default definePageConfig({
  navigationBarTitleText: '爱心餐暂停预约',
  enablePullDownRefresh: true,
})
