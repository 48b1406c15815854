import type { ErrorBody } from './errors';

/** What every cloud function answers: never a bare value, never an error dressed as success. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data });
export const fail = (error: ErrorBody): Envelope<never> => ({ ok: false, error });
