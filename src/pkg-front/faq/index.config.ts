export default definePageConfig({ navigationBarTitleText: '常见问题', enablePullDownRefresh: true, backgroundTextStyle: 'dark' })
