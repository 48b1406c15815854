import fs from 'node:fs';
import path from 'node:path';

/**
 * The TARO_APP_TPL_* settings of src/domain/notice-templates.ts, each defined for the app (empty when unset, so a
 * reference never reaches the mini-program as an undefined `process`). Taro compiles only this folder when it
 * loads the config, so the catalogue is read as text; test/unit/config/template-env.test.ts checks the two agree.
 */
export function templateSettingNames(catalogue = path.resolve(__dirname, '..', 'src', 'domain', 'notice-templates.ts')): string[] {
  const source = fs.readFileSync(catalogue, 'utf8');
  return [...source.matchAll(/setting: '(TARO_APP_TPL_[A-Z0-9_]+)'/g)].map((m) => m[1]);
}

export function templateEnv(env: Record<string, string | undefined> = process.env): Record<string, string> {
  return Object.fromEntries(templateSettingNames().map((name) => [name, JSON.stringify(env[name]?.trim() ?? '')]));
}
