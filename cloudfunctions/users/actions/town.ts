/** The town console: the overview of groups, stations and canteens, and finding people. */
import { roleState } from '../../_lib/audit'
import { _, db, rows } from '../../_lib/cloud'
import { COLLECTION } from '../../_lib/collections'
import { displayName, verificationState } from '../../_lib/people'
import { actionsOf } from '../../_lib/router'
import { str, strings, strOrNull } from '../../_lib/values'
import { type FoundUser, usersContract } from '../contract'
import { groups, memberCountOf, users, usersByIds } from '../store'

const act = actionsOf(usersContract)

export const townOverview = act('townOverview', {
  summary: '镇里工作台：所有群（联络员、成员数、管理员数）、驿站和食堂的名单，用于指派角色',
  roles: ['town'],
  async handler() {
    const [groupList, stations, canteens, admins] = await Promise.all([
      rows(groups().orderBy('createdAt', 'asc').limit(100)),
      rows(db.collection(COLLECTION.stations).field({ name: true }).limit(100)),
      rows(db.collection(COLLECTION.canteens).field({ name: true }).limit(100)),
      rows(
        users()
          .where({ roles: 'admin', deletedAt: _.exists(false) })
          .field({ adminOf: true })
          .limit(1000),
      ),
    ])
    const people = await usersByIds(groupList.map((g) => str(g.liaisonOpenid)))
    const adminCount = new Map<string, number>()
    for (const a of admins) for (const g of strings(a.adminOf)) adminCount.set(g, (adminCount.get(g) ?? 0) + 1)
    return {
      groups: groupList.map((g) => ({
        id: str(g._id),
        name: str(g.name),
        memberCount: memberCountOf(g),
        liaisonOpenid: strOrNull(g.liaisonOpenid),
        liaisonName: g.liaisonOpenid ? displayName(people.get(str(g.liaisonOpenid))) : null,
        adminCount: adminCount.get(str(g._id)) ?? 0,
      })),
      stations: stations.map((x) => ({ id: str(x._id), name: str(x.name) })),
      canteens: canteens.map((x) => ({ id: str(x._id), name: str(x.name) })),
    }
  },
})

export const searchUsers = act('searchUsers', {
  summary: '镇里按昵称或 openid 找人，附带其角色和负责的群、站点（用于指派和收回）',
  roles: ['town'],
  async handler(input) {
    const escaped = input.q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const byName = { nickname: db.RegExp({ regexp: escaped, options: 'i' }), deletedAt: _.exists(false) }
    // an openid (read from the person's 我的 page) finds exactly that person
    const where = /^[\w-]{6,64}$/.test(input.q) ? _.or([byName, { _id: input.q, deletedAt: _.exists(false) }]) : byName
    const list = await rows(users().where(where).limit(20))
    return {
      users: list.map((u): FoundUser => {
        const s = roleState(u)
        return {
          openid: str(u._id),
          nickname: displayName(u),
          roles: s.roles,
          liaisonOf: s.liaisonOf,
          adminOf: s.adminOf,
          staffOf: s.staffOf,
          verification: verificationState(u),
        }
      }),
    }
  },
})
