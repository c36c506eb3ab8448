export default definePageConfig({ navigationBarTitleText: '联络员工作台', enablePullDownRefresh: true, backgroundTextStyle: 'dark' })
