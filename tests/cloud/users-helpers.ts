/** Moved to ./helpers (shared by every cloud test); kept so existing imports keep working. */
export * from './helpers'
