export default definePageConfig({ navigationBarTitleText: '发布群公告' })
