import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_SECRET_KEY } from '../../../../../emulator/config';
import { deployedFunctionConfig, FUNCTION_CONFIG_FILE } from '../../../../../emulator/function-host/function-config';
import { mintWxApiToken } from '../../../../../emulator/wx/cloud-call-token';

/** Deployed function folders holding only config.json, each declaring the given open APIs, as the build writes them. */
export function functionsDeclaring(declared: Record<string, string[]>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wx-functions-'));
  for (const [name, openapi] of Object.entries(declared)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, FUNCTION_CONFIG_FILE), JSON.stringify(deployedFunctionConfig(openapi, undefined)));
  }
  return dir;
}

/**
 * Makes the SDKs in this process call as function `name` would inside the function host: its WX_API_TOKEN, listed in
 * WX_CONTEXT_KEYS, which the SDK sends as wxCloudApiToken. `null` leaves the process as a plain script (no token).
 */
export function callAsFunction(name: string | null): void {
  const keys = (process.env.WX_CONTEXT_KEYS ?? '').split(',').filter((k) => k && k !== 'WX_API_TOKEN');
  if (name === null) {
    delete process.env.WX_API_TOKEN;
    process.env.WX_CONTEXT_KEYS = keys.join(',');
    return;
  }
  process.env.WX_API_TOKEN = mintWxApiToken(name, DEFAULT_SECRET_KEY);
  process.env.WX_CONTEXT_KEYS = [...keys, 'WX_API_TOKEN'].join(',');
}
