import path from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { DEFAULT_ENV_ID, DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../../emulator/config';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/server';

export const ROOT = path.resolve(__dirname, '../..');

/**
 * What a test may set on top of the defaults: its own collections, WeChat options, clock, transaction timing, port, and
 * the deployed function folders whose config.json declares each function's open APIs.
 */
export type TestEmulatorOptions = Pick<EmulatorOptions, 'collections' | 'wx' | 'now' | 'database' | 'functionsDir'> & { port?: number };

/**
 * The real emulator server alone on a free port, in memory unless a directory is given; signatures are verified
 * with the local secret (DEFAULT_SECRET_ID/KEY), which sdkFor signs with.
 */
export function startTestEmulator(data = ':memory:', options: TestEmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({
    ...options,
    data,
    envId: DEFAULT_ENV_ID,
    secretId: DEFAULT_SECRET_ID,
    secretKey: DEFAULT_SECRET_KEY,
    configFile: path.join(ROOT, 'cloudbaserc.json'),
    verifySignatures: true,
  });
}

/** The real, unmodified SDK pointed at the emulator, as a function would see it. */
export function sdkFor(url: string, secret = { secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY }) {
  return tcb.init({ env: DEFAULT_ENV_ID, serviceUrl: url, ...secret, timeout: 15_000 });
}

