/** Docs: https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/page.html */
export default definePageConfig({
  navigationBarTitleText: '导出和补贴台账',
})
