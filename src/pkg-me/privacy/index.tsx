/**
 * 隐私与个人信息: what the app collects, why, who sees it, how to delete it. The same items are
 * declared in the mini-program console's 用户隐私保护指引 (README: Deploy › Privacy).
 */
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import Card from '@/components/card'
import './index.scss'

const ITEMS = [
  { title: '昵称和头像', text: '显示在“我的”、群成员和议事里。你可以随时修改。' },
  { title: '手机号（选填）', text: '只有你所在群的联络员能看到完整号码，其他地方都只显示 138****0000。' },
  { title: '工作类型、平台和工牌照片', text: '用于小哥认证。照片只给审核的联络员看，审核完成后立即删除。' },
  { title: '微信群信息', text: '从群里打开小程序时，用来把你加入这个群的微阵地。我们不读取群聊内容。' },
  { title: '位置（找驿站时）', text: '只在你找附近驿站时询问，用来按距离排序，不保存轨迹。' },
  { title: '照片（随手拍、议事）', text: '你主动上传的照片，用于反映问题。' },
]

export default function PrivacyPage() {
  return (
    <View className="page">
      <View className="page__body">
        <View className="page-lead">
          <Text className="page-lead__title">我们用到的信息</Text>
          <Text className="page-lead__text">只收集提供服务必需的信息，都存放在镇里的云开发环境。</Text>
        </View>
        <Card>
          {ITEMS.map((i) => (
            <View key={i.title} className="privacy__item">
              <Text className="row__title">{i.title}</Text>
              <Text className="note">{i.text}</Text>
            </View>
          ))}
        </Card>
        <Card>
          <Text className="row__title">删除我的信息</Text>
          <Text className="note">在“编辑资料”页底部可以注销个人信息；已有的议事记录会保留为“已注销用户”。</Text>
        </Card>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button className="button-secondary" onClick={() => void Taro.openPrivacyContract({})}>
            查看完整隐私保护指引
          </Button>
        ) : null}
      </View>
    </View>
  )
}
