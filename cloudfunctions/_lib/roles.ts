/** Roles of 小哥之家 (see ../shared/design/DOMAIN.md). Stored server-side, read from the caller's OPENID. */
export const ROLES = ['visitor', 'rider', 'admin', 'liaison', 'staff', 'town'] as const
export type Role = (typeof ROLES)[number]

/**
 * `anyone` = every caller with an OPENID, including a first-time visitor; `system` = no person at all
 * (only the platform: timer triggers, message pushes), used with `allowSystem`.
 */
export type Allowed = 'anyone' | 'system' | Role
