/** Client request ids: a retried write sends the same id and the server answers with the first result. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

export function randomToken(length: number, random: () => number = Math.random): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(random() * ALPHABET.length) % ALPHABET.length];
  return out;
}

/** `r` + base36 time + random letters: 8–64 chars of [A-Za-z0-9_-], unique enough per client. */
export function newRequestId(now: number = Date.now(), random: () => number = Math.random): string {
  return `r${now.toString(36)}-${randomToken(12, random)}`;
}

export interface PendingRequest {
  requestId: string;
  /** Stable serialisation of the payload the id was made for. */
  key: string;
}

/**
 * The id to send for this payload: the same one while the payload is unchanged (a retry after a network error
 * must not write twice), a fresh one once the person changed something (it is a different write).
 */
export function requestIdFor(previous: PendingRequest | null, payload: unknown, make: () => string = newRequestId): PendingRequest {
  const key = stableStringify(payload);
  if (previous && previous.key === key) return previous;
  return { requestId: make(), key };
}

export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as Record<string, unknown>)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
