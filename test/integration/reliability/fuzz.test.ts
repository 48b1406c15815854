import fc from 'fast-check';
import { ErrorCode } from '../../../src/domain/errors';
import { registeredActions } from '../../helpers/function-registry';
import { startTestPlatform, type TestPlatform } from '../../helpers/local-platform';
import { arbitraryOf, jsonSchemaOf, mutationOf } from '../../helpers/schema-arbitrary';
import { ADMIN, LEAGUE, MEMBER, RESIDENT, STAFF } from '../../fixtures/personas';

/**
 * Bad input for every action of every function: payloads derived from each action's schema, valid and mutated,
 * sent as each kind of caller. The reply is always the envelope, never INTERNAL, and a refused call writes nothing.
 */
const SEED = 20261122;
const RUNS_PER_ACTION = Number(process.env.FUZZ_RUNS ?? 12);
const CALLERS = [null, RESIDENT, MEMBER, STAFF, LEAGUE, ADMIN, 'fuzz-stranger'];
const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({ poolSize: 4 });
}, 60_000);

afterAll(() => platform?.close());

const actions = registeredActions();

it('finds the actions of every function', () => {
  expect(actions.length).toBeGreaterThan(5);
  expect(actions.map((a) => a.fn)).toContain('user');
});

describe.each(actions.map((a) => [`${a.fn}.${a.action}`, a] as const))('%s', (_name, entry) => {
  it('answers every payload with the envelope, never INTERNAL, and writes nothing when it refuses', async () => {
    const schema = jsonSchemaOf(entry.schema);
    const payloads = fc.oneof(
      arbitraryOf(schema) as fc.Arbitrary<Record<string, unknown>>,
      fc.tuple(arbitraryOf(schema) as fc.Arbitrary<Record<string, unknown>>, mutationOf(schema)).map(([payload, mutate]) => mutate(payload ?? {})),
    );
    await fc.assert(
      fc.asyncProperty(payloads, fc.constantFrom(...CALLERS), async (payload, caller) => {
        // A refused write may reserve its request id and release it again (write-integrity.test.ts); what matters is
        // that nothing is left behind.
        const storedBefore = platform.emulator.database.contentDigest();
        const { body, status } = await platform.call(entry.fn, caller, { ...payload, action: entry.action });
        // 404 would mean the function itself is missing from the build, which would make this test vacuous.
        expect(status).not.toBe(404);
        expect(typeof body).toBe('object');
        if (body.ok) {
          expect(body).toHaveProperty('data');
          return;
        }
        expect(KNOWN_CODES.has(body.error.code)).toBe(true);
        expect(body.error.code).not.toBe(ErrorCode.INTERNAL);
        expect(body.error.message.length).toBeGreaterThan(0);
        expect(platform.emulator.database.contentDigest()).toBe(storedBefore);
      }),
      { seed: SEED, numRuns: RUNS_PER_ACTION, endOnFailure: true },
    );
  }, 120_000);
});
