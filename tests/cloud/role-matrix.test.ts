/**
 * The role matrix: every action of every cloud function × every role, through the gateway.
 * Functions are discovered from cloudfunctions/<fn>/index.ts (each exports `actions`), so a
 * function added later is covered without touching this file. Each persona (one seeded person
 * per role) calls with `{ action }` only: the router checks the role before validating input, so
 * an allowed caller gets anything but PERMISSION_DENIED / UNAUTHENTICATED (usually
 * INVALID_ARGUMENT), a caller whose role is not declared gets PERMISSION_DENIED, and a call
 * without a user gets UNAUTHENTICATED unless the action allows the system.
 */
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { RouterTable } from '../../cloudfunctions/_lib/router'
import { DEMO_TOWN_OPENID } from '../../scripts/local-cloud/seed/demo'
import { startTestCloud, type TestCloud } from '../helpers/local-cloud'
import { code, data } from './users-helpers'

const FUNCTIONS_DIR = join(__dirname, '../../cloudfunctions')
const functions: [string, RouterTable][] = readdirSync(FUNCTIONS_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('_') && existsSync(join(FUNCTIONS_DIR, d.name, 'index.ts')))
  .map((d) => d.name)
  .sort()
  .map((name) => {
    const mod = require(join(FUNCTIONS_DIR, name, 'index.ts')) as { actions?: RouterTable }
    if (!mod.actions) throw new Error(`cloudfunctions/${name}/index.ts must export its action table as \`actions\``)
    return [name, mod.actions]
  })

/** One seeded person per role, and the roles the guard must see for them. */
const PERSONAS = [
  { persona: 'newcomer', openid: 'o-matrix-newcomer', roles: ['visitor'] },
  { persona: 'visitor', openid: 'o-demo-visitor-zhao', roles: ['visitor'] },
  { persona: 'rider', openid: 'o-demo-rider-chen', roles: ['visitor', 'rider'] },
  { persona: 'admin', openid: 'o-demo-admin-wang', roles: ['visitor', 'rider', 'admin'] },
  { persona: 'liaison', openid: 'o-demo-liaison-li', roles: ['visitor', 'liaison'] },
  { persona: 'staff', openid: 'o-demo-staff-station', roles: ['visitor', 'staff'] },
  { persona: 'town', openid: DEMO_TOWN_OPENID, roles: ['visitor', 'town'] },
] as const

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ seed: 'demo' })
})
afterAll(() => cloud.stop())

test('the functions are discovered and every action declares a summary and its roles', () => {
  expect(functions.map(([n]) => n)).toEqual(expect.arrayContaining(['home', 'users']))
  for (const [fn, actions] of functions) {
    expect([fn, Object.keys(actions).length > 0]).toEqual([fn, true])
    for (const [name, def] of Object.entries(actions)) {
      expect([fn, name, typeof def.summary, def.roles.length > 0]).toEqual([fn, name, 'string', true])
    }
  }
})

test('each persona has exactly the roles the matrix assumes (read by the guard from the server)', async () => {
  for (const p of PERSONAS) {
    const me = data(await cloud.call('users', 'getMe', {}, { openid: p.openid }))
    expect([p.persona, [...me.roles].sort()]).toEqual([p.persona, [...p.roles].sort()])
  }
})

test('every action × every role: allowed → not PERMISSION_DENIED, otherwise PERMISSION_DENIED', async () => {
  const mismatches: string[] = []
  let checked = 0
  for (const [fn, actions] of functions) {
    for (const [name, def] of Object.entries(actions)) {
      for (const p of PERSONAS) {
        const allowed = def.roles.includes('anyone') || p.roles.some((r) => def.roles.includes(r))
        const got = code(await cloud.raw(fn, { action: name }, { openid: p.openid }))
        const ok = allowed ? got !== 'PERMISSION_DENIED' && got !== 'UNAUTHENTICATED' && got !== 'INTERNAL' : got === 'PERMISSION_DENIED'
        if (!ok) mismatches.push(`${fn}.${name} as ${p.persona}: ${allowed ? 'allowed' : 'denied'} expected, got ${got}`)
        checked++
      }
      const system = await cloud.invoke(fn, { action: name }, { openid: '' })
      const sysCode = system.ok ? code(system.result as never) : `invoke failed ${system.errMsg}`
      if (!def.allowSystem && sysCode !== 'UNAUTHENTICATED') mismatches.push(`${fn}.${name} without a user: got ${sysCode}`)
    }
  }
  expect(mismatches).toEqual([])
  expect(checked).toBeGreaterThanOrEqual(PERSONAS.length * 19)
  // one call per action and persona, one after another: grows with every function
}, 180_000)

test('users: who may call what (the declared table, so a change here is deliberate)', () => {
  const users = Object.fromEntries(functions).users
  const table = Object.fromEntries(Object.entries(users).map(([name, def]) => [name, [...def.roles].sort().join(',')]))
  expect(table).toEqual({
    getMe: 'anyone',
    updateProfile: 'anyone',
    deleteMe: 'anyone',
    enterGroup: 'anyone',
    claimGroup: 'liaison,town',
    switchGroup: 'anyone',
    leaveGroup: 'anyone',
    createInvite: 'liaison,town',
    joinByInvite: 'anyone',
    listGroups: 'town',
    requestVerification: 'anyone',
    listVerifications: 'liaison,town',
    decideVerification: 'liaison,town',
    listMembers: 'liaison,town',
    assignRole: 'liaison,town',
    listAudit: 'liaison,town',
    searchUsers: 'town',
    listMyNotices: 'anyone',
    markNoticesRead: 'anyone',
    addDutyPeriod: 'liaison,town',
    removeDutyPeriod: 'liaison,town',
    townOverview: 'town',
  })
})
