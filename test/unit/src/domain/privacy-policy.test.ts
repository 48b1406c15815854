import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { COLLECTED, NOT_PERSONAL, PLATFORM_APIS } from '../../../../src/domain/privacy-policy';
import { RETENTION } from '../../../../src/domain/retention';

/**
 * The privacy policy (src/domain/privacy-policy.ts) against the code: what the action schemas collect and what
 * platform APIs the app calls. A new personal field, a field the policy names that no longer exists, or a new
 * phone capability fails here until the policy says it.
 */
const ROOT = path.resolve(__dirname, '../../../..');
const DOMAIN = path.join(ROOT, 'src/domain');

/** Field names that carry something about a person (identity, contact, location, photos). */
const PERSONAL = /^(name|askerName|beneficiaryName|phone|beneficiaryPhone|contact|latitude|longitude|accuracy|photos|evidence)$/;

/**
 * Mini-program APIs that reach personal information or a phone capability (WeChat's 用户隐私保护指引 list, plus
 * calls, subscriptions, scanning and saving to the album). Calls to any of these must be in PLATFORM_APIS.
 */
const WATCHED_APIS = [
  'getLocation', 'getFuzzyLocation', 'chooseLocation', 'startLocationUpdate', 'startLocationUpdateBackground', 'chooseAddress',
  'chooseMedia', 'chooseImage', 'chooseVideo', 'chooseMessageFile', 'saveImageToPhotosAlbum', 'saveVideoToPhotosAlbum', 'showShareImageMenu',
  'makePhoneCall', 'getPhoneNumber', 'addPhoneContact', 'getUserProfile', 'getUserInfo', 'getWeRunData', 'chooseInvoice', 'chooseInvoiceTitle',
  'requestSubscribeMessage', 'scanCode', 'startRecord', 'getRecorderManager', 'createCameraContext', 'getClipboardData', 'setClipboardData',
];

type Shape = Record<string, z.ZodType>;

/** The top-level keys of an action schema (through defaults, refinements and pipes). */
function keysOf(schema: unknown): string[] {
  let current = schema as { _zod?: { def: Record<string, unknown> } } | undefined;
  for (let depth = 0; depth < 10 && current?._zod; depth += 1) {
    const def = current._zod.def;
    if (def.type === 'object') return Object.keys(def.shape as Shape);
    if (def.type === 'union') return [...new Set((def.options as unknown[]).flatMap(keysOf))];
    current = (def.innerType ?? def.in ?? def.schema) as typeof current;
  }
  return [];
}

/** Every `<name>Actions` table exported by src/domain/*.schema.ts, as `<name>Actions.<action>` → its field names. */
function actionSchemas(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of fs.readdirSync(DOMAIN).filter((f) => f.endsWith('.schema.ts'))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- every schema module, found by listing them
    const mod = require(path.join(DOMAIN, file)) as Record<string, unknown>;
    for (const [table, actions] of Object.entries(mod)) {
      if (!/Actions$/.test(table) || typeof actions !== 'object' || actions === null) continue;
      for (const [action, schema] of Object.entries(actions)) found.set(`${table}.${action}`, keysOf(schema));
    }
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** The watched APIs the app's code calls (`Taro.x(` or `wx.x(`); platform code lives in src/lib only, but all of src is read. */
function calledApis(): Set<string> {
  const called = new Set<string>();
  for (const file of sourceFiles(path.join(ROOT, 'src'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\b(?:Taro|wx)\.([A-Za-z]+)\s*\(/g)) if (WATCHED_APIS.includes(match[1])) called.add(match[1]);
  }
  return called;
}

const schemas = actionSchemas();
const declared = new Map<string, Set<string>>();
for (const item of COLLECTED) for (const s of item.sources) declared.set(s.schema, new Set([...(declared.get(s.schema) ?? []), ...s.fields]));
for (const s of NOT_PERSONAL) declared.set(s.schema, new Set([...(declared.get(s.schema) ?? []), ...s.fields]));

it('reads the action schemas (the comparison has something to compare)', () => {
  expect(schemas.get('userActions.registerMember')).toEqual(expect.arrayContaining(['name', 'phone']));
  expect(schemas.get('checkinActions.report')).toEqual(expect.arrayContaining(['latitude', 'longitude', 'accuracy']));
});

it('names only schemas and fields that exist', () => {
  const missing = [...declared].flatMap(([schema, fields]) => {
    const keys = schemas.get(schema);
    if (!keys) return [`${schema} (no such action schema)`];
    return [...fields].filter((f) => !keys.includes(f)).map((f) => `${schema}.${f}`);
  });
  expect(missing).toEqual([]);
});

it('lists every personal field an action collects', () => {
  const undeclared = [...schemas].flatMap(([schema, keys]) => keys.filter((k) => PERSONAL.test(k) && !declared.get(schema)?.has(k)).map((k) => `${schema}.${k}`));
  expect(undeclared).toEqual([]);
});

it('lists the whole member profile, field by field', () => {
  const profile = COLLECTED.flatMap((i) => i.sources).find((s) => s.schema === 'userActions.registerMember');
  const stored = (schemas.get('userActions.registerMember') ?? []).filter((k) => k !== 'requestId');
  expect(new Set(profile?.fields)).toEqual(new Set(stored));
});

it('lists exactly the phone and WeChat capabilities the app calls', () => {
  expect(new Set(PLATFORM_APIS.map((a) => a.api))).toEqual(calledApis());
});

it('covers the private infos app.config declares', () => {
  const config = fs.readFileSync(path.join(ROOT, 'src/app.config.ts'), 'utf8');
  const infos = [...(config.match(/requiredPrivateInfos:\s*\[([^\]]*)\]/)?.[1] ?? '').matchAll(/'([A-Za-z]+)'/g)].map((m) => m[1]);
  expect(infos.length).toBeGreaterThan(0);
  for (const info of infos) expect(PLATFORM_APIS.map((a) => a.api)).toContain(info);
});

it('gives every item a retention period that exists', () => {
  for (const item of COLLECTED) for (const key of item.retention) expect(RETENTION[key]).toBeDefined();
});
