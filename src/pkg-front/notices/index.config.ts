export default definePageConfig({ navigationBarTitleText: '全部公告', enablePullDownRefresh: true, backgroundTextStyle: 'dark' })
