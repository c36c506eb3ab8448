export default definePageConfig({ navigationBarTitleText: '待回答的问题', enablePullDownRefresh: true, backgroundTextStyle: 'dark' })
