/**
 * The demo canteen (周浦小哥食堂) as the `meals` function keeps it: the canteen with its policy and
 * subsidy, 24 heated lockers, a dish library, a week of menus (two 15-yuan 爱心餐 and one unsubsidised
 * set meal a day) and a week of slots from today (off-peak ones marked), plus one real booking
 * (王强, tomorrow 11:30) so 我的预约 has something to show. Seats, codes and the month's ledger agree
 * with that booking, as the function would have left them.
 */
import { bookingDoc, lockerDocs, newSlotDoc } from '../../../cloudfunctions/_domain/meal-plan'
import { CODE_ALPHABET, DEFAULT_POLICY, slotIdOf } from '../../../cloudfunctions/_domain/meal-rules'
import { addDays, businessDate } from '../../../cloudfunctions/_lib/time'

type Doc = Record<string, unknown> & { _id: string }

export const DEMO_CANTEEN_ID = 'canteen-zhoupu'
const PER_MEAL_FEN = 1500
const BUDGET_FEN = 3_000_000

const DISHES: [string, string, string[]][] = [
  ['dish-jitui', '红烧鸡腿', ['soy']],
  ['dish-fanqie', '番茄炒蛋', ['egg']],
  ['dish-shishu', '清炒时蔬', []],
  ['dish-zicai', '紫菜蛋汤', ['egg', 'seafood']],
  ['dish-kourou', '梅菜扣肉', ['soy']],
  ['dish-doufu', '麻婆豆腐', ['soy']],
  ['dish-qingcai', '蒜蓉青菜', []],
  ['dish-donggua', '冬瓜汤', []],
  ['dish-liji', '糖醋里脊', ['wheat']],
  ['dish-tudou', '西红柿土豆', []],
  ['dish-douya', '炒豆芽', []],
  ['dish-paigu', '玉米排骨汤', []],
  ['dish-jikuai', '咖喱鸡块', ['milk', 'wheat']],
  ['dish-xiangan', '香干炒芹菜', ['soy']],
  ['dish-baocai', '手撕包菜', []],
  ['dish-haidai', '海带汤', ['seafood']],
  ['dish-daiyu', '红烧带鱼', ['seafood']],
  ['dish-qiezi', '肉末茄子', []],
  ['dish-bocai', '清炒菠菜', []],
  ['dish-zhacai', '榨菜肉丝汤', []],
  ['dish-jiding', '宫保鸡丁', ['peanut']],
  ['dish-niurou', '土豆烧牛肉', []],
  ['dish-muxu', '木须肉', ['egg']],
  ['dish-baicai', '醋溜白菜', []],
]

/** Per weekday offset: [meat, egg/tofu dish, greens, soup] ids for 爱心餐 A. */
const WEEK = [
  ['dish-jitui', 'dish-fanqie', 'dish-shishu', 'dish-zicai'],
  ['dish-kourou', 'dish-doufu', 'dish-qingcai', 'dish-donggua'],
  ['dish-liji', 'dish-tudou', 'dish-douya', 'dish-paigu'],
  ['dish-jikuai', 'dish-xiangan', 'dish-baocai', 'dish-haidai'],
  ['dish-daiyu', 'dish-qiezi', 'dish-bocai', 'dish-zhacai'],
  ['dish-jiding', 'dish-doufu', 'dish-qingcai', 'dish-zicai'],
  ['dish-niurou', 'dish-muxu', 'dish-baicai', 'dish-donggua'],
]

const SLOTS: [string, string, boolean][] = [
  ['10:30', '11:00', true],
  ['11:00', '11:30', false],
  ['11:30', '12:00', false],
  ['13:30', '14:00', true],
  ['14:00', '14:30', true],
  ['16:30', '17:00', true],
  ['17:00', '17:30', false],
  ['20:30', '21:00', true],
]

function menuFor(date: string, d: number, now: Date): Doc {
  const [meat, second, greens, soup] = WEEK[d % WEEK.length]
  const alt = WEEK[(d + 3) % WEEK.length]
  return {
    _id: `${DEMO_CANTEEN_ID}_${date}`,
    canteenId: DEMO_CANTEEN_ID,
    date,
    meals: [
      {
        id: 'm-love-a',
        name: '爱心餐 A',
        dishIds: [meat, second, greens, soup],
        priceFen: 1500,
        subsidised: true,
        soldOut: false,
        services: ['lunch', 'dinner'],
      },
      {
        id: 'm-love-b',
        name: '爱心餐 B（清淡）',
        dishIds: [alt[1], alt[2], greens, alt[3]],
        priceFen: 1500,
        subsidised: true,
        soldOut: false,
        services: ['lunch', 'dinner'],
      },
      {
        id: 'm-plus',
        name: '加肉套餐',
        dishIds: [meat, alt[0], greens, soup],
        priceFen: 2200,
        subsidised: false,
        soldOut: false,
        services: ['lunch', 'dinner'],
      },
    ],
    updatedAt: now,
    updatedBy: 'o-demo-staff-canteen',
  }
}

/** 王强's booking tomorrow at 11:30 (爱心餐 A): a fixed code of the 11:30 slot. */
function demoBooking(date: string, now: Date): Doc {
  const n = (11 * 60 + 30) / 5
  const code = `${CODE_ALPHABET[Math.floor(n / CODE_ALPHABET.length)]}${CODE_ALPHABET[n % CODE_ALPHABET.length]}K7MX`
  return <Doc>bookingDoc(
    {
      id: 'bk-demo-wang-tomorrow',
      requestId: 'demo-wang-tomorrow',
      openid: 'o-demo-admin-wang',
      canteenId: DEMO_CANTEEN_ID,
      slotId: slotIdOf(DEMO_CANTEEN_ID, date, '11:30'),
      date,
      service: 'lunch',
      start: '11:30',
      mealId: 'm-love-a',
      subsidised: true,
      code,
    },
    now,
  )
}

export function demoCanteen(now: Date, created: Date): Record<string, Doc[]> {
  const canteen: Doc = {
    _id: DEMO_CANTEEN_ID,
    name: '周浦小哥食堂',
    address: '浦东新区周浦镇年家浜路 520 号 2 楼',
    location: { type: 'Point', coordinates: [121.5751, 31.1172] },
    status: 'open',
    lockerCount: 24,
    openDays: [1, 2, 3, 4, 5, 6, 7],
    policy: DEFAULT_POLICY,
    subsidy: { perMealFen: PER_MEAL_FEN, monthlyBudgetFen: BUDGET_FEN },
    createdAt: created,
  }
  const today = businessDate(now)
  const tomorrow = addDays(today, 1)
  const meal_menus: Doc[] = []
  const meal_slots: Doc[] = []
  for (let d = 0; d < 7; d++) {
    const date = addDays(today, d)
    const menu = menuFor(date, d, now)
    meal_menus.push(menu)
    for (const [start, end, offPeak] of SLOTS) {
      meal_slots.push(newSlotDoc(canteen, menu, { date, start, end, capacity: offPeak ? 40 : 25, offPeak }, created) as Doc)
    }
  }
  const booking = demoBooking(tomorrow, now)
  const slot = meal_slots.find((s) => s._id === booking.slotId) as Doc
  Object.assign(slot, { booked: 1, seatsLeft: (slot.capacity as number) - 1, codes: [booking.code] })
  const meal_ledgers: Doc[] = [
    {
      _id: `${DEMO_CANTEEN_ID}_${tomorrow.slice(0, 7)}`,
      canteenId: DEMO_CANTEEN_ID,
      period: tomorrow.slice(0, 7),
      budgetFen: BUDGET_FEN,
      perMealFen: PER_MEAL_FEN,
      unallocatedFen: BUDGET_FEN - PER_MEAL_FEN,
      createdAt: created,
      updatedAt: now,
    },
  ]
  return {
    canteens: [canteen],
    meal_dishes: DISHES.map(([_id, name, allergens]) => ({
      _id,
      canteenId: DEMO_CANTEEN_ID,
      name,
      photo: null,
      allergens,
      pendingMedia: [],
      retired: false,
      createdAt: created,
      updatedAt: created,
    })),
    meal_menus,
    meal_slots,
    meal_lockers: lockerDocs(DEMO_CANTEEN_ID, 24) as Doc[],
    meal_bookings: [booking],
    meal_ledgers,
  }
}
