import fs from 'node:fs';
import path from 'node:path';
import { registeredActions } from '../../helpers/function-registry';
import { ROOT, startTestPlatform, type CallResult, type TestPlatform } from '../../helpers/local-platform';
import { PAYLOADS, PERSONA, type PayloadContext } from './authorization-payloads';
import { aMemberProfile, requestId } from '../../fixtures/builders';
import { POWER_SUPPLY } from '../../fixtures/personas';
import { mediaChecksSettled } from '../../helpers/media-checks';

/**
 * The authorization matrix of docs/authorization.md, called cell by cell. The table is parsed from the document, so
 * what the docs promise is what is tested: every registered action has exactly one row, and every cell is a call
 * over HTTP as the seeded persona of its column. Each row runs on a freshly seeded platform.
 */

const DOC = path.join(ROOT, 'docs', 'authorization.md');

/** The columns, in the document's order, and who calls as them (null: not logged in). */
const COLUMNS: { header: string; openid: string | null }[] = [
  { header: '访客', openid: null },
  { header: '居民', openid: PERSONA.resident },
  { header: '党员', openid: PERSONA.member },
  { header: '本社区工作人员', openid: PERSONA.staff },
  { header: '他社区工作人员', openid: PERSONA.otherStaff },
  { header: '街道工作人员', openid: PERSONA.streetStaff },
  { header: '团委', openid: PERSONA.league },
  { header: '单位管理员', openid: PERSONA.unitAdmin },
  { header: '管理员', openid: PERSONA.admin },
  { header: '本社区工作人员兼党员', openid: PERSONA.staffMember },
  { header: '团委兼志愿者', openid: PERSONA.leagueHelper },
];
/** The one column whose scope never covers the rows' data (湖滨社区): 本范围 there means denied. */
const OUT_OF_SCOPE = '他社区工作人员';
const VERDICTS = ['允许', '拒绝', '本范围'] as const;
type Verdict = (typeof VERDICTS)[number];

interface Cell {
  column: string;
  openid: string | null;
  verdict: Verdict;
}
interface Row {
  name: string;
  fn: string;
  action: string;
  cells: Cell[];
}

/** The matrix table: the one whose header starts with 操作 and names every column. Problems are collected, not thrown. */
function parseMatrix(markdown: string): { rows: Row[]; problems: string[] } {
  const problems: string[] = [];
  const cellsOf = (line: string) => line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
  const lines = markdown.split('\n');
  const headerAt = lines.findIndex((l) => l.trim().startsWith('|') && cellsOf(l)[0] === '操作' && COLUMNS.every((c) => cellsOf(l).includes(c.header)));
  if (headerAt < 0) return { rows: [], problems: [`no table in ${DOC} has the header 操作 | ${COLUMNS.map((c) => c.header).join(' | ')}`] };
  const header = cellsOf(lines[headerAt]);
  const rows: Row[] = [];
  for (const line of lines.slice(headerAt + 2)) {
    if (!line.trim().startsWith('|')) break;
    const cells = cellsOf(line);
    const name = cells[0].replace(/`/g, '');
    const [fn, action, ...rest] = name.split('.');
    if (!fn || !action || rest.length > 0) {
      problems.push(`row "${cells[0]}" does not name an action as fn.action`);
      continue;
    }
    const row: Row = { name, fn, action, cells: [] };
    for (const column of COLUMNS) {
      const value = cells[header.indexOf(column.header)];
      if (!VERDICTS.includes(value as Verdict)) problems.push(`${name} · ${column.header}: "${value ?? ''}" is not one of ${VERDICTS.join(' / ')}`);
      else if (value === '本范围' && column.openid === null) problems.push(`${name} · ${column.header}: a visitor has no scope`);
      else row.cells.push({ column: column.header, openid: column.openid, verdict: value as Verdict });
    }
    rows.push(row);
  }
  return { rows, problems };
}

const matrix = parseMatrix(fs.readFileSync(DOC, 'utf8'));
const registered = registeredActions().map((a) => `${a.fn}.${a.action}`);

const expectsDenial = (cell: Cell) => cell.verdict === '拒绝' || (cell.verdict === '本范围' && cell.column === OUT_OF_SCOPE);

/** ok, or the error code with its message (so a failure says what the function answered). */
const outcomeOf = (result: CallResult<unknown>) => (result.body.ok ? { code: 'OK', message: '' } : { code: result.body.error.code, message: result.body.error.message });

describe('the table', () => {
  it('parses', () => {
    expect(matrix.problems).toEqual([]);
  });

  it('lists every registered action exactly once, and nothing else', () => {
    const listed = matrix.rows.map((r) => r.name);
    expect({
      missing: registered.filter((a) => !listed.includes(a)),
      extra: listed.filter((a) => !registered.includes(a)),
      duplicated: listed.filter((a, i) => listed.indexOf(a) !== i),
    }).toEqual({ missing: [], extra: [], duplicated: [] });
  });

  it('has a payload for every row', () => {
    expect(matrix.rows.map((r) => r.name).filter((name) => !PAYLOADS[name])).toEqual([]);
  });
});

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
const nextId = (prefix: string) => requestId(`authz-${prefix}`);

describe.each(matrix.rows.filter((r) => PAYLOADS[r.name]).map((r) => [r.name, r] as const))('%s', (_name, row) => {
  let platform: TestPlatform;
  let offset = 0;
  /** The row's fixture; dropped when a cell changes the database, so the next cell gets a fresh one. */
  let fixture: { value: unknown } | undefined;

  beforeAll(async () => {
    platform = await startTestPlatform({ now: () => new Date(Date.now() + offset) });
    await Promise.all(Object.values(PERSONA).map((openid) => platform.login(openid)));
  }, 60_000);

  afterAll(() => platform?.close());

  function contextFor(caller: string | null): PayloadContext {
    const ctx: PayloadContext = {
      caller,
      platform,
      requestId: (prefix = 'req') => nextId(prefix),
      now: () => new Date(Date.now() + offset),
      advanceClock: (ms) => {
        offset += ms;
      },
      async fixture<T>(build: () => Promise<T>): Promise<T> {
        fixture ??= { value: await build() };
        return fixture.value as T;
      },
      async as<T>(openid: string, fn: string, payload: Record<string, unknown>): Promise<T> {
        const result = await platform.call<T>(fn, openid, payload);
        if (!result.body.ok) throw new Error(`set-up ${fn}.${String(payload.action)} as ${openid} failed: ${result.body.error.code} ${result.body.error.message}`);
        return result.body.data;
      },
      async photo(openid) {
        if (!openid) return 'cloud://authz-env.local/uploads/nobody/photo.png';
        const form = new FormData();
        form.append('file', new Blob([PNG], { type: 'image/png' }), 'photo.png');
        const token = await platform.login(openid);
        const res = await fetch(`${platform.url}/storage/upload`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
        const body = (await res.json()) as { ok: boolean; data: { fileID: string } };
        if (!body.ok) throw new Error(`upload as ${openid} failed: ${JSON.stringify(body)}`);
        return body.data.fileID;
      },
      async newMember() {
        const openid = nextId('member');
        await ctx.as(openid, 'user', { action: 'registerMember', ...aMemberProfile({ workUnitId: POWER_SUPPLY.id, partyBranch: '供电第一党支部', requestId: nextId('reg') }) });
        return openid;
      },
    };
    return ctx;
  }

  test.each(row.cells.map((c) => [`${c.column} → ${c.verdict}${expectsDenial(c) && c.verdict === '本范围' ? '（范围外，拒绝）' : ''}`, c] as const))(
    '%s',
    async (_label, cell) => {
      const payload = await PAYLOADS[row.name](contextFor(cell.openid));
      // The image check of a photo a set-up step posted answers a moment later (a write of WeChat's, not the call's).
      await mediaChecksSettled(platform);
      const writesBefore = platform.emulator.database.writeCount();
      const result = await platform.call(row.fn, cell.openid, { ...payload, action: row.action });
      const writes = platform.emulator.database.writeCount() - writesBefore;
      if (writes > 0) fixture = undefined;

      const outcome = outcomeOf(result);
      if (expectsDenial(cell)) {
        // NOT_FOUND: the object is one the caller may not even know exists (a wish under review), so it reads as missing.
        expect(outcome.code).toMatch(cell.openid === null ? /^UNAUTHENTICATED$/ : /^(FORBIDDEN|NOT_FOUND)$/);
        expect(writes).toBe(0);
      } else {
        // A business refusal (NOT_FOUND, FAILED_PRECONDITION, CONFLICT, INVALID_ARGUMENT) still proves the permission
        // check passed; INTERNAL proves nothing.
        expect(['FORBIDDEN', 'UNAUTHENTICATED', 'INTERNAL'].includes(outcome.code) ? outcome : 'permitted').toBe('permitted');
      }
    },
    30_000,
  );
});
