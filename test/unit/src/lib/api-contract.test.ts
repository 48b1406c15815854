/**
 * The typed contract: `call` and the tests' `platform.call` are checked against each function's action table.
 * The `@ts-expect-error` lines are the specification: the typecheck step fails if any of them starts to compile.
 */
import type { OutputOf } from '@/lib/api';
import type { call as Call } from '@/lib/cloud';
import type { TestPlatform } from '../../../helpers/local-platform';

// Never run: only compiled (the real `call` needs Taro).
export async function contract(call: typeof Call, platform: TestPlatform) {
  const wish = await call('wish', 'detail', { wishId: 'w1' });
  const status: string = wish.status;
  // @ts-expect-error an action the function does not have
  await call('wish', 'steal', { wishId: 'w1' });
  // @ts-expect-error a payload without its required field
  await call('wish', 'claim', {});
  // @ts-expect-error a field the schema does not know
  await call('notice', 'get', { id: 'n1', extra: true });
  // @ts-expect-error a result read as something it is not
  const wrong: number = await call('user', 'me');

  const typed = await platform.call('qa', null, { action: 'get', id: 'q1' });
  if (typed.body.ok) {
    const title: string = typed.body.data.title;
    return [status, wrong, title];
  }
  return [status, wrong];
}

type Claim = OutputOf<'wish', 'claim'>;

describe('the typed contract', () => {
  it('is compiled, not run: the call sites above are the specification', () => {
    // A runtime anchor so jest counts the file; the checks above fail the typecheck, not this test.
    const sample: Pick<Claim, 'id'> = { id: 'w1' };
    expect(sample.id).toBe('w1');
    expect(typeof contract).toBe('function');
  });
});
