/**
 * The error codes of the reply envelope (docs/architecture.md), and the typed error domain code throws.
 * One place (cloudfunctions/_shared/envelope.ts) turns an AppError into `{ ok: false, error }`.
 */
export const ErrorCode = {
  INVALID_ARGUMENT: 'INVALID_ARGUMENT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  FAILED_PRECONDITION: 'FAILED_PRECONDITION',
  RATE_LIMITED: 'RATE_LIMITED',
  CONTENT_REJECTED: 'CONTENT_REJECTED',
  INTERNAL: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `phone` or `skills.2`. */
  field: string;
  /** Chinese message a person can act on. */
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: { issues?: FieldIssue[]; [key: string]: unknown };
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorBody['details'],
  ) {
    super(message);
    this.name = 'AppError';
  }

  toBody(): ErrorBody {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

/**
 * The message is the people's text only (a toast may show it as it is); the field keys travel in
 * `details.issues`, where a form puts each message under its field.
 */
export const invalidArgument = (issues: FieldIssue[]) =>
  new AppError(ErrorCode.INVALID_ARGUMENT, [...new Set(issues.map((i) => i.message))].join('；') || '参数不正确', { issues });
export const unauthenticated = (message = '请先登录') => new AppError(ErrorCode.UNAUTHENTICATED, message);
export const notFound = (message: string) => new AppError(ErrorCode.NOT_FOUND, message);
export const conflict = (message: string, details?: ErrorBody['details']) => new AppError(ErrorCode.CONFLICT, message, details);
export const failedPrecondition = (message: string, details?: ErrorBody['details']) =>
  new AppError(ErrorCode.FAILED_PRECONDITION, message, details);
