import { REQUEST_ID_PATTERN, newRequestId, requestIdFor, stableStringify } from '@/lib/request-id';
import { requestIdSchema } from '@/domain/validation';

describe('newRequestId', () => {
  it('matches the server schema (8–64 chars of [A-Za-z0-9_-])', () => {
    for (let i = 0; i < 200; i++) {
      const id = newRequestId();
      expect(id).toMatch(REQUEST_ID_PATTERN);
      expect(requestIdSchema.safeParse(id).success).toBe(true);
    }
  });

  it('does not repeat across many calls', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newRequestId()));
    expect(ids.size).toBe(1000);
  });
});

describe('requestIdFor', () => {
  const make = jest.fn();
  beforeEach(() => {
    let n = 0;
    make.mockReset().mockImplementation(() => `req-id-${++n}-xxxx`);
  });

  it('keeps the id while the payload is unchanged, so a retry cannot write twice', () => {
    const first = requestIdFor(null, { name: '张三', skills: ['a'] }, make);
    const retry = requestIdFor(first, { skills: ['a'], name: '张三' }, make);
    expect(retry.requestId).toBe(first.requestId);
    expect(make).toHaveBeenCalledTimes(1);
  });

  it('makes a new id once the person changed something', () => {
    const first = requestIdFor(null, { name: '张三' }, make);
    const changed = requestIdFor(first, { name: '张三丰' }, make);
    expect(changed.requestId).not.toBe(first.requestId);
  });
});

describe('stableStringify', () => {
  it('ignores key order and undefined values, keeps array order', () => {
    expect(stableStringify({ b: 1, a: [2, 1], c: undefined })).toBe(stableStringify({ a: [2, 1], b: 1 }));
    expect(stableStringify({ a: [1, 2] })).not.toBe(stableStringify({ a: [2, 1] }));
  });
});
