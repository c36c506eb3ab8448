export default definePageConfig({ navigationBarTitleText: '问联络员' })
