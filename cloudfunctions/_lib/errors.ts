import type { AppErrorBody, ErrorCode } from './envelope'

/** Thrown by an action to answer `{ ok: false, error }`; anything else thrown becomes INTERNAL. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly details?: Record<string, unknown>

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.details = details
  }

  toBody(): AppErrorBody {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message }
  }
}

export const invalid = (message: string, details?: Record<string, unknown>) => new AppError('INVALID_ARGUMENT', message, details)
export const denied = (message = '没有权限进行此操作') => new AppError('PERMISSION_DENIED', message)
export const notFound = (message = '内容不存在或已删除') => new AppError('NOT_FOUND', message)
export const conflict = (message: string) => new AppError('CONFLICT', message)
export const precondition = (message: string) => new AppError('FAILED_PRECONDITION', message)
export const exhausted = (message: string) => new AppError('RESOURCE_EXHAUSTED', message)
export const rejected = (message: string, details?: Record<string, unknown>) => new AppError('CONTENT_REJECTED', message, details)
