/** The day's set meals: name, price, 爱心餐 (subsidised) or not, sold out, and each dish with its photo and allergens. */
import type { MealView } from '@cloud/meals/contract'
import { Image, Text, View } from '@tarojs/components'
import Card from '@/components/card'
import { yuan } from '@/utils/canteen-format'

export default function MealList({ meals }: { meals: MealView[] }) {
  return (
    <>
      {meals.map((meal) => (
        <Card key={meal.id} className={`meal${meal.soldOut ? ' meal--sold-out' : ''}`}>
          <View className="meal__head">
            <Text className="meal__name">{meal.name}</Text>
            <Text className="meal__price">{yuan(meal.priceFen)} 元</Text>
          </View>
          <View className="meal__tags">
            {meal.subsidised ? <Text className="tag tag--primary">爱心餐 · 镇里补贴</Text> : <Text className="tag">不含补贴</Text>}
            {meal.services.length === 1 ? <Text className="tag">{meal.services[0] === 'lunch' ? '只供午餐' : '只供晚餐'}</Text> : null}
            {meal.soldOut ? <Text className="tag tag--warning">已售完</Text> : null}
          </View>
          <View className="meal__dishes">
            {meal.dishes.map((dish) => (
              <View key={dish.id} className="dish">
                {dish.photoUrl ? (
                  <Image className="dish__photo" src={dish.photoUrl} mode="aspectFill" />
                ) : (
                  <View className="dish__photo dish__photo--none">
                    <Text>{dish.name.slice(0, 1)}</Text>
                  </View>
                )}
                <Text className="dish__name">{dish.name}</Text>
                {dish.allergens.length ? <Text className="dish__allergens">含{dish.allergens.join('、')}</Text> : null}
              </View>
            ))}
          </View>
        </Card>
      ))}
    </>
  )
}
