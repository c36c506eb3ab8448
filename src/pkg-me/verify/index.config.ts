export default definePageConfig({ navigationBarTitleText: '小哥认证' })
