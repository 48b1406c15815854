import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The `functions` section of cloudbaserc.json: the same file deployment reads. */
const functionConfigSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/),
  timeout: z.number().int().min(1).max(60).default(5),
  memorySize: z.number().int().optional(),
  runtime: z.string().optional(),
  /** `<file>.<export>` inside the function's folder, as CloudBase reads it; index.main when absent. */
  handler: z
    .string()
    .regex(/^(?!.*\.\.)[A-Za-z0-9_][A-Za-z0-9_/-]*\.[A-Za-z_$][\w$]*$/, 'handler is <file>.<export> inside the function folder, e.g. index.main')
    .optional(),
  triggers: z.array(z.object({ name: z.string(), type: z.literal('timer'), config: z.string() })).optional(),
  /** The function's own environment variables; values may use `{{env.NAME}}` (renderEnvVariables). */
  envVariables: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name'), z.string()).optional(),
});
export type FunctionConfig = z.infer<typeof functionConfigSchema>;

export const DEFAULT_HANDLER = 'index.main';

/** The file and export CloudBase runs for a function, or null when its folder has no such file. */
export function functionEntry(functionsDir: string, config: Pick<FunctionConfig, 'name' | 'handler'>): { file: string; exportName: string } | null {
  const handler = config.handler ?? DEFAULT_HANDLER;
  const dot = handler.lastIndexOf('.');
  const file = path.join(functionsDir, config.name, `${handler.slice(0, dot)}.js`);
  return fs.existsSync(file) ? { file, exportName: handler.slice(dot + 1) } : null;
}

/** `{{env.NAME}}` in cloudbaserc.json, as the CloudBase CLI and scripts/deploy.ts read it. */
export const ENV_PLACEHOLDER = /\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export interface RenderedEnvVariables {
  /** Per function: its variables that rendered to a value. */
  variables: Map<string, Record<string, string>>;
  /** `<function>.<variable>` of each one that rendered empty: left out, as in a deployment that lacks it. */
  empty: string[];
}

/**
 * Each function's `envVariables` rendered from `environment`, as a deployment renders them. A variable that renders
 * empty is left out of the function's environment (a function must cope with an unset setting, not with ''), and named.
 */
export function renderEnvVariables(functions: readonly FunctionConfig[], environment: Readonly<Record<string, string | undefined>>): RenderedEnvVariables {
  const variables = new Map<string, Record<string, string>>();
  const empty: string[] = [];
  for (const fn of functions) {
    const own: Record<string, string> = {};
    for (const [name, template] of Object.entries(fn.envVariables ?? {})) {
      const value = template.replace(ENV_PLACEHOLDER, (_all, ref: string) => environment[ref] ?? '');
      if (value === '') empty.push(`${fn.name}.${name}`);
      else own[name] = value;
    }
    variables.set(fn.name, own);
  }
  return { variables, empty };
}

export function readFunctionConfigs(file: string): FunctionConfig[] {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { functions?: unknown };
  const parsed = z.array(functionConfigSchema).safeParse(raw.functions ?? []);
  if (!parsed.success) {
    throw new Error(`${file}: invalid functions section:\n  ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n  ')}`);
  }
  return parsed.data;
}

/**
 * A function's `config.json`, in the form WeChat DevTools uploads with a function: the WeChat open APIs it may call
 * (云调用 permissions; WeChat answers -604101 for any other) and its timer triggers. The repo keeps the permissions in
 * `cloudfunctions/<name>/config.json` (this form, permissions only) and the triggers in cloudbaserc.json, which the
 * CLI deploys from; the build writes both into the deployable folder, and the emulator reads that folder's file.
 */
export const FUNCTION_CONFIG_FILE = 'config.json';

const openApiName = z.string().regex(/^[a-zA-Z]+\.[a-zA-Z]+$/, 'an open API is named <namespace>.<api>, e.g. security.msgSecCheck');
const permissionsSchema = z.object({ openapi: z.array(openApiName).default([]) }).strict();
const sourceConfigSchema = z.object({ permissions: permissionsSchema.default({ openapi: [] }) }).strict();
const deployedConfigSchema = z.object({
  permissions: permissionsSchema.default({ openapi: [] }),
  triggers: z.array(z.object({ name: z.string(), type: z.literal('timer'), config: z.string() })).optional(),
});
export type DeployedFunctionConfig = z.infer<typeof deployedConfigSchema>;

/** The open APIs declared in a function's source folder; none when it has no config.json. Throws on a malformed file. */
export function readDeclaredOpenApis(functionSourceDir: string): string[] {
  const file = `${functionSourceDir}/${FUNCTION_CONFIG_FILE}`;
  if (!fs.existsSync(file)) return [];
  const parsed = sourceConfigSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return [...new Set(parsed.data.permissions.openapi)].sort();
}

export function deployedFunctionConfig(openapi: readonly string[], triggers: FunctionConfig['triggers']): DeployedFunctionConfig {
  const timers = (triggers ?? []).filter((t) => t.type === 'timer').map(({ name, type, config }) => ({ name, type, config }));
  return { permissions: { openapi: [...openapi] }, ...(timers.length ? { triggers: timers } : {}) };
}

/**
 * The open APIs a deployed function folder may call. A folder without config.json, or with one that cannot be read,
 * declares nothing, so every cloud call from it is refused — as on WeChat, where only declared APIs pass.
 */
export function readDeployedOpenApis(functionDir: string): string[] {
  try {
    const parsed = deployedConfigSchema.safeParse(JSON.parse(fs.readFileSync(`${functionDir}/${FUNCTION_CONFIG_FILE}`, 'utf8')));
    return parsed.success ? parsed.data.permissions.openapi : [];
  } catch {
    return [];
  }
}
