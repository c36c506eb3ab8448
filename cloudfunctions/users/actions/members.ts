/** The liaison's view of their group's members (full phones: the liaison's list only). */
import { _, rows } from '../../_lib/cloud'
import { liaisonOfInput } from '../../_lib/guard'
import { actionsOf } from '../../_lib/router'
import { usersContract } from '../contract'
import { memberItem } from '../present'
import { users } from '../store'

const act = actionsOf(usersContract)

export const listMembers = act('listMembers', {
  summary: '联络员查看本群成员（含完整手机号，只有联络员能看到）、认证状态、角色和本群的值班',
  roles: ['liaison', 'town'],
  scope: liaisonOfInput((i) => i.groupId),
  async handler(input, { now }) {
    const list = await rows(
      users()
        .where({ groupIds: input.groupId, deletedAt: _.exists(false) })
        .limit(500),
    )
    return { members: list.map((u) => memberItem(u, input.groupId, now)) }
  },
})
