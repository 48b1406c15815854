import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_HANDLER, ENV_PLACEHOLDER as PLACEHOLDER, FUNCTION_CONFIG_FILE, readFunctionConfigs } from '../../emulator/function-host/function-config';

/**
 * What cloudbaserc.json and the build say the environment should hold. Reading it needs no network and no
 * credentials; the values of environment variables are kept apart from the plan so that printing a plan never
 * prints a secret.
 */

export type IndexDirection = '1' | '-1' | '2dsphere';
export interface IndexSpec {
  name: string;
  keys: { name: string; direction: IndexDirection }[];
  unique: boolean;
}
export interface TriggerSpec {
  name: string;
  type: 'timer';
  config: string;
}

/**
 * Every collection denies all client access: the app reaches data only through functions. ADMINONLY (仅管理端可读写)
 * is CloudBase's fixed permission for that: no client (mini-program, web, anonymous) may read or write, while the
 * server SDK in functions is not subject to it. A CUSTOM rule `{ "read": false, "write": false }` would deny the same,
 * but as an expression the rule engine evaluates, stored as a free-form string that describeResourcePermission hands
 * back re-serialised; ADMINONLY leaves nothing to mistype and compares as one word.
 */
export const COLLECTION_PERMISSION = 'ADMINONLY' as const;
export type CollectionPermission = typeof COLLECTION_PERMISSION;

/** The settings of a function that the platform stores and the plan compares. */
export interface FunctionSettings {
  name: string;
  runtime: string;
  timeout: number;
  memorySize: number;
  handler: string;
  /** Names → values; the plan shows the names only. */
  envVariables: Record<string, string>;
}

/** Only the stored settings of a function description, e.g. to send them or to compare them. */
export const functionSettings = ({ name, runtime, timeout, memorySize, handler, envVariables }: FunctionSettings): FunctionSettings => ({
  name,
  runtime,
  timeout,
  memorySize,
  handler,
  envVariables,
});

export interface DesiredFunction extends FunctionSettings {
  triggers: TriggerSpec[];
  /** The built folder that is uploaded. */
  dir: string;
  /** Files uploaded, relative to dir, sorted. */
  files: string[];
  /** sha256 over the uploaded files' paths and bytes: how a later run knows the code is already there. */
  codeHash: string;
  /** The WeChat open APIs declared in the folder's config.json (travels inside the uploaded folder). */
  openapi: string[];
}
export interface DesiredCollection {
  name: string;
  indexes: IndexSpec[];
  permission: CollectionPermission;
}
export interface DesiredState {
  envId: string | undefined;
  functions: DesiredFunction[];
  collections: DesiredCollection[];
}

const DEFAULT_RUNTIME = 'Nodejs18.15';
const DEFAULT_MEMORY = 256;

/** Reads `KEY=value` lines as dotenv does for the simple cases a deployment file needs: comments, quotes, export. */
export function parseDotenv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    let value = match[2];
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2];
    else value = value.replace(/\s+#.*$/, '');
    out[match[1]] = value;
  }
  return out;
}

/** The variables a deployment renders from: `.env.production` first, the process environment over it (as the CLI). */
export function deploymentEnvironment(root: string, processEnv: NodeJS.ProcessEnv): Record<string, string> {
  const file = path.join(root, '.env.production');
  const fromFile = fs.existsSync(file) ? parseDotenv(fs.readFileSync(file, 'utf8')) : {};
  const fromProcess = Object.fromEntries(Object.entries(processEnv).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return { ...fromFile, ...fromProcess };
}

/** The `{{env.X}}` names a string refers to. */
export const placeholders = (value: string): string[] => [...value.matchAll(PLACEHOLDER)].map((m) => m[1]);

/** Renders `{{env.X}}`; a variable that is absent or empty is an error that names it, never an empty string. */
export function renderPlaceholders(value: string, env: Record<string, string>, where: string): string {
  return value.replace(PLACEHOLDER, (_all, name: string) => {
    const found = env[name];
    if (found === undefined || found === '') throw new MissingVariableError(name, where);
    return found;
  });
}

export class MissingVariableError extends Error {
  constructor(
    readonly variable: string,
    readonly where: string,
  ) {
    super(`environment variable ${variable} is not set (needed by ${where}); set it in the environment or in .env.production`);
  }
}

const indexSchema = z.object({
  name: z.string().min(1),
  keys: z.record(z.string(), z.union([z.literal(1), z.literal(-1), z.literal('2dsphere')])),
  unique: z.boolean().optional(),
});
const databaseSchema = z.object({
  collections: z.array(z.object({ name: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/), indexes: z.array(indexSchema).default([]) })),
});
const envVariablesSchema = z.array(z.object({ name: z.string(), envVariables: z.record(z.string(), z.string()).optional() }).passthrough());

export interface DesiredOptions {
  root: string;
  /** The built function folders (dist/cloudfunctions unless FUNCTIONS_OUT). */
  functionsDir: string;
  /** Values for `{{env.X}}`. Omit to plan without values: names are checked, values are not needed. */
  env?: Record<string, string>;
  withSourceMaps?: boolean;
}

/**
 * The desired state. Without `env` (a dry run) the variable names are still listed and each missing value is
 * reported by `missingVariables`, so a dry run on a fresh clone prints the whole plan and says what a real run needs.
 */
export function readDesiredState(options: DesiredOptions): DesiredState {
  const rcFile = path.join(options.root, 'cloudbaserc.json');
  const rc = JSON.parse(fs.readFileSync(rcFile, 'utf8')) as { envId?: string; functions?: unknown; database?: unknown };
  const configs = readFunctionConfigs(rcFile);
  const rawEnv = envVariablesSchema.parse(rc.functions ?? []);
  const render = (value: string, where: string) => (options.env ? renderPlaceholders(value, options.env, where) : value);

  const functions = configs.map((config): DesiredFunction => {
    const declared = rawEnv.find((f) => f.name === config.name)?.envVariables ?? {};
    const envVariables = Object.fromEntries(Object.entries(declared).map(([key, value]) => [key, render(value, `function ${config.name} envVariables.${key}`)]));
    const dir = path.join(options.functionsDir, config.name);
    const files = uploadedFiles(dir, options.withSourceMaps ?? false);
    return {
      name: config.name,
      runtime: config.runtime ?? DEFAULT_RUNTIME,
      timeout: config.timeout,
      memorySize: config.memorySize ?? DEFAULT_MEMORY,
      handler: config.handler ?? DEFAULT_HANDLER,
      envVariables,
      triggers: (config.triggers ?? []).map(({ name, type, config: cron }) => ({ name, type, config: cron })),
      dir,
      files,
      codeHash: hashFiles(dir, files),
      openapi: readBuiltOpenApis(dir),
    };
  });

  const database = databaseSchema.parse(rc.database ?? { collections: [] });
  const collections = database.collections.map((c): DesiredCollection => ({
    name: c.name,
    permission: COLLECTION_PERMISSION,
    indexes: c.indexes.map((index) => ({
      name: index.name,
      unique: index.unique ?? false,
      keys: Object.entries(index.keys).map(([name, direction]) => ({ name, direction: String(direction) as IndexDirection })),
    })),
  }));

  const envId = rc.envId ? (options.env ? renderPlaceholders(rc.envId, options.env, 'cloudbaserc.json envId') : rc.envId) : undefined;
  return { envId, functions, collections };
}

/** The variables cloudbaserc.json needs that `env` lacks (absent or empty), each once. */
export function missingVariables(root: string, env: Record<string, string>): string[] {
  const text = fs.readFileSync(path.join(root, 'cloudbaserc.json'), 'utf8');
  return [...new Set(placeholders(text))].filter((name) => !env[name]);
}

export const SOURCE_MAP = /\.map$/;
/** The same exclusion, in the glob form manager-node's zip packer takes. */
export const SOURCE_MAP_IGNORE = ['*.map', '**/*.map'];

/** The files of a built function folder that go up; a missing folder is an error that says to build first. */
export function uploadedFiles(dir: string, withSourceMaps: boolean): string[] {
  if (!fs.existsSync(path.join(dir, 'index.js'))) {
    throw new Error(`${dir} has no index.js: run \`npm run build:functions\` first`);
  }
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (withSourceMaps || !SOURCE_MAP.test(entry.name)) out.push(child);
    }
  };
  walk('');
  return out.sort();
}

function hashFiles(dir: string, files: string[]): string {
  const hash = crypto.createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(fs.readFileSync(path.join(dir, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function readBuiltOpenApis(dir: string): string[] {
  const file = path.join(dir, FUNCTION_CONFIG_FILE);
  if (!fs.existsSync(file)) return [];
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { permissions?: { openapi?: unknown } };
  const list = parsed.permissions?.openapi;
  return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
}
