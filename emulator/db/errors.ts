/**
 * Error bodies the real CloudBase database service returns (HTTP 200, `{ code, message }`).
 * @cloudbase/node-sdk throws them as TcbError(code, message); wx-server-sdk maps `code` through
 * its TCB_ERR_CODE table (e.g. DATABASE_COLLECTION_NOT_EXIST → errCode -502005,
 * DATABASE_REQUEST_FAILED → -502001, unknown codes → -501001).
 * Sources for the texts: see emulator/README.md, section "Database".
 */
export class DbError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

const SUFFIX = 'Please check your request, but if the problem cannot be solved, contact us.'

export const errors = {
  collectionNotExist: () => new DbError('DATABASE_COLLECTION_NOT_EXIST', `[ResourceNotFound] Db or Table not exist. ${SUFFIX}`),
  collectionExists: () => new DbError('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceUnavailable.ResourceExist] Table exist. ${SUFFIX}`),
  /** Wraps a MongoDB write error the way the service does (Go driver text inside [FailedOperation]). */
  writeError: (inner: string) =>
    new DbError('DATABASE_REQUEST_FAILED', `[FailedOperation] multiple write errors: [{write errors: [{${inner}}]}, {<nil>}]`),
  duplicateKey: (ns: string, index: string, values: string[]) =>
    errors.writeError(
      `E11000 duplicate key error collection: ${ns} index: ${index} dup key: { ${values.map((v) => `: ${v}`).join(', ')} }`,
    ),
  requestFailed: (msg: string) => new DbError('DATABASE_REQUEST_FAILED', `[FailedOperation] ${msg}`),
  invalidParam: (msg: string) => new DbError('INVALID_PARAM', msg),
  transactionConflict: () =>
    new DbError(
      'DATABASE_TRANSACTION_CONFLICT',
      '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.',
    ),
  transactionNotExist: () =>
    new DbError(
      'DATABASE_TRANSACTION_FAIL',
      '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.',
    ),
  invalidOperator: (msg: string) => new DbError('DATABASE_INVALID_OPERRATOR', `[InvalidParameter] ${msg}`),
}
