/**
 * An error the emulator answers with, in the shape the CloudBase server uses:
 * HTTP 200 with `{ code, message, requestId }`, which @cloudbase/node-sdk turns into a TcbError.
 * Codes are CloudBase's own (DATABASE_DUPLICATE_WRITE, DATABASE_TRANSACTION_CONFLICT, …).
 */
export class EmulatorError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** HTTP status to answer with; CloudBase answers most API errors with 200. */
    readonly httpStatus = 200,
  ) {
    super(message);
    this.name = 'EmulatorError';
  }
}

export const EmulatorErrorCode = {
  invalidParam: 'INVALID_PARAM',
  invalidAction: 'INVALID_ACTION',
  signatureInvalid: 'SIGN_PARAM_INVALID',
  collectionNotExist: 'DATABASE_COLLECTION_NOT_EXIST',
  collectionAlreadyExist: 'DATABASE_COLLECTION_ALREADY_EXIST',
  duplicateWrite: 'DATABASE_DUPLICATE_WRITE',
  transactionConflict: 'DATABASE_TRANSACTION_CONFLICT',
  transactionNotExist: 'DATABASE_TRANSACTION_NOT_EXIST',
  requestInvalid: 'DATABASE_REQUEST_INVALID',
  /** CloudBase's general database error: what MongoDB refuses while executing (e.g. $inc on a string) arrives under it. */
  requestFailed: 'DATABASE_REQUEST_FAILED',
  /** CloudBase's "database operation timed out" (MongoDB's MaxTimeMSExpired). */
  databaseTimeout: 'DATABASE_TIMEOUT',
  functionNotFound: 'FUNCTIONS_NOT_EXIST',
  functionExecuteFail: 'FUNCTIONS_EXECUTE_FAIL',
  internal: 'SYS_ERR',
} as const;
