export default definePageConfig({ navigationBarTitleText: '微阵地设置' })
