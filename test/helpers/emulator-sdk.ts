import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import tcb from '@cloudbase/node-sdk';
import { DEFAULT_ENV_ID, DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../../emulator/config';
import { startEmulator, type RunningEmulator } from '../../emulator/server';

export const ROOT = path.resolve(__dirname, '../..');

/** The emulator alone on a free port, in memory unless a directory is given. */
export function startTestEmulator(data = ':memory:'): Promise<RunningEmulator> {
  return startEmulator({ data, envId: DEFAULT_ENV_ID, secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY, configFile: path.join(ROOT, 'cloudbaserc.json') });
}

/** The real, unmodified SDK pointed at the emulator, as a function would see it. */
export function sdkFor(url: string, secret = { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY }) {
  return tcb.init({ env: DEFAULT_ENV_ID, serviceUrl: url, ...secret, timeout: 15_000 });
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'emulator-data-'));
}
