/**
 * users — who is who: profiles, WeChat groups (micro-fronts), invites, verification as a
 * new-employment worker, roles, duty periods of group administrators, the audit log, in-app notices.
 *
 * Actions (one file per area under actions/):
 *   profile       getMe, updateProfile, deleteMe (anyone)
 *   groups        enterGroup, switchGroup, leaveGroup (anyone); claimGroup (liaison, town); listGroups (town)
 *   invites       createInvite (liaison of the group, town); joinByInvite (anyone)
 *   verification  requestVerification (anyone); listVerifications, decideVerification (liaison of the group, town)
 *   members       listMembers (liaison of the group, town)
 *   roles         assignRole (liaison: inside their own groups; town: everything — rules in actions/roles-plan.ts)
 *   duty          addDutyPeriod, removeDutyPeriod (liaison of the group, town)
 *   audit         listAudit (liaison: their groups' entries; town: all)
 *   notices       listMyNotices, markNoticesRead (anyone, their own)
 *   town          townOverview, searchUsers (town)
 * Collections: users (rw), groups (rw), group_invites (rw), verifications (rw), audit_log (append),
 * media_checks (via the content guard), notifications (rw, via notify), stations / canteens (read).
 * Openapi permissions: subscribeMessage.send, security.msgSecCheck, security.mediaCheckAsync;
 * cloud.getOpenData (CloudID); storage getTempFileURL / deleteFile.
 * Identity is getWXContext().OPENID only; the group comes from a CloudID resolved here.
 */
import { type ActionTable, createMain } from '../_lib/router'
import { listAudit } from './actions/audit'
import { addDutyPeriod, removeDutyPeriod } from './actions/duty'
import { claimGroup, enterGroup, leaveGroup, listGroups, switchGroup } from './actions/groups'
import { createInvite, joinByInvite } from './actions/invites'
import { listMembers } from './actions/members'
import { listMyNotices, markNoticesRead } from './actions/notices'
import { deleteMe, getMe, updateProfile } from './actions/profile'
import { assignRole } from './actions/roles'
import { searchUsers, townOverview } from './actions/town'
import { decideVerification, listVerifications, requestVerification } from './actions/verification'
import type { usersContract } from './contract'

export const actions = {
  getMe,
  updateProfile,
  deleteMe,
  enterGroup,
  claimGroup,
  switchGroup,
  leaveGroup,
  createInvite,
  joinByInvite,
  listGroups,
  requestVerification,
  listVerifications,
  decideVerification,
  listMembers,
  assignRole,
  listAudit,
  searchUsers,
  listMyNotices,
  markNoticesRead,
  addDutyPeriod,
  removeDutyPeriod,
  townOverview,
} satisfies ActionTable<typeof usersContract>

export const main = createMain('users', actions)
