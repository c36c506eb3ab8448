export default definePageConfig({ navigationBarTitleText: '镇里工作台', enablePullDownRefresh: true, backgroundTextStyle: 'dark' })
