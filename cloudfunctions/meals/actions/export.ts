/**
 * exportCsv: a day or a month of one canteen as CSV for the funder — every booking with its slot,
 * meal, state (collected / no-show / cancelled), pickup time and subsidy drawn, plus a totals line.
 * Staff of that canteen or town only. Riders appear by a short pseudonymous number (not their name).
 * The file goes to cloud storage (`exports/<canteen>/…`, UTF-8 with BOM so Excel reads the Chinese)
 * and comes back as a one-hour link.
 */
import { createHash } from 'node:crypto'
import { yuan } from '../../_domain/meal-rules'
import { _, cloud, db } from '../../_lib/cloud'
import { COLLECTION } from '../../_lib/collections'
import { tempUrls } from '../../_lib/files'
import { actionsOf } from '../../_lib/router'
import { businessDate, clock, dateTimeText } from '../../_lib/time'
import { type Doc, dateOrNull, num, str } from '../../_lib/values'
import { mealsContract } from '../contract'
import { audit, recordRefusal, staffOfCanteen } from '../guards'
import { monthRange } from '../ledger'
import { allRows, loadCanteen, menuMeals, periodOf } from '../store'

const act = actionsOf(mealsContract)

const STATE_TEXT: Record<string, string> = {
  booked: '待取餐',
  placed: '在保温柜',
  collected: '已取餐',
  cancelled: '已取消',
  no_show: '未取餐',
}
const HEADER = [
  '日期',
  '时段',
  '餐次',
  '套餐',
  '爱心餐',
  '取餐码',
  '骑手编号',
  '状态',
  '预约时间',
  '取餐时间',
  '补贴(元)',
  '应付(元)',
  '备注',
]

export function csvCell(v: string | number): string {
  const s = String(v)
  // A leading = + - @ would be read by spreadsheets as a formula.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

const riderNo = (openid: string) => `R${createHash('sha256').update(openid).digest('hex').slice(0, 8).toUpperCase()}`

function note(b: Doc): string {
  const parts: string[] = []
  if (b.moved === true) parts.push('改过时段')
  if (b.holdExtended === true) parts.push('延长保温')
  if (b.lateCollected === true) parts.push('超时后取餐')
  if (b.lateCancel === true) parts.push('临时取消')
  if (str(b.cancelledBy) === 'canteen') parts.push(`食堂取消：${str(b.cancelNote)}`)
  return parts.join('；')
}

export const exportCsv = act('exportCsv', {
  summary: '导出某一天或某个月的 CSV 给出资方：预约、取餐、未取餐、取消、补贴使用（骑手以编号出现）',
  roles: ['staff', 'town'],
  errors: ['NOT_FOUND'],
  scope: staffOfCanteen(),
  onDenied: recordRefusal('mealExport'),
  // long: one table, row by row, then the totals, the upload and the audit entry
  async handler(input, ctx) {
    const { now } = ctx
    const canteen = await loadCanteen(input.canteenId)
    const period = periodOf(input.date)
    const range = input.period === 'day' ? { from: input.date, to: input.date } : monthRange(period)
    const dateRange = _.gte(range.from).and(_.lte(range.to))
    const [list, menus] = await Promise.all([
      allRows(
        db
          .collection(COLLECTION.meal_bookings)
          .where({ canteenId: input.canteenId, date: dateRange })
          .orderBy('date', 'asc')
          .orderBy('start', 'asc'),
      ),
      allRows(db.collection(COLLECTION.meal_menus).where({ canteenId: input.canteenId, date: dateRange })),
    ])
    const mealName = new Map(menus.flatMap((m) => menuMeals(m).map((x) => [`${str(m.date)}|${x.id}`, x] as const)))
    const summary = { bookings: list.length, collected: 0, noShows: 0, cancelled: 0, subsidyFen: 0 }
    const lines = [HEADER.join(',')]
    for (const b of list) {
      const state = str(b.state)
      if (state === 'collected') summary.collected++
      if (state === 'no_show') summary.noShows++
      if (state === 'cancelled') summary.cancelled++
      const subsidy = state === 'collected' ? num(b.subsidyFen) : 0
      summary.subsidyFen += subsidy
      const meal = mealName.get(`${str(b.date)}|${str(b.mealId)}`)
      const collectedAt = dateOrNull(b.collectedAt)
      const pay = (b.payment ?? {}) as Doc
      lines.push(
        [
          str(b.date),
          str(b.start),
          str(b.service) === 'dinner' ? '晚餐' : '午餐',
          meal?.name ?? '爱心餐',
          b.subsidised === true ? '是' : '否',
          str(b.code),
          riderNo(str(b.openid)),
          STATE_TEXT[state] ?? state,
          dateOrNull(b.createdAt) ? dateTimeText(b.createdAt as Date) : '',
          collectedAt ? clock(collectedAt) : '',
          yuan(subsidy),
          state === 'collected' ? yuan(num(pay.payFen)) : '',
          note(b),
        ]
          .map(csvCell)
          .join(','),
      )
    }
    lines.push(
      [
        '合计',
        '',
        '',
        '',
        '',
        '',
        '',
        `预约 ${summary.bookings}｜取餐 ${summary.collected}｜未取 ${summary.noShows}｜取消 ${summary.cancelled}`,
        '',
        '',
        yuan(summary.subsidyFen),
        '',
        '',
      ]
        .map(csvCell)
        .join(','),
    )
    const label = input.period === 'day' ? input.date : period
    const fileName = `${str(canteen.name, input.canteenId)}-${label}-爱心餐.csv`
    const cloudPath = `exports/${input.canteenId}/${label}-${businessDate(now)}-${now.getTime().toString(36)}.csv`
    const up = (await cloud.uploadFile({ cloudPath, fileContent: Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8') })) as {
      fileID: string
    }
    const url = (await tempUrls([up.fileID], 3600)).get(up.fileID) ?? ''
    await audit(ctx, input.canteenId, {
      action: 'mealExport',
      after: { period: input.period, label, rows: list.length, fileId: up.fileID },
    })
    return { fileName, fileId: up.fileID, url, rows: list.length, summary }
  },
})
