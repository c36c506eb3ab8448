export default definePageConfig({ navigationBarTitleText: '微阵地', enablePullDownRefresh: true, backgroundTextStyle: 'dark' })
