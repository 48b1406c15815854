import path from 'node:path';
import { z } from 'zod';

/** Local defaults: documented in README ("Local platform"). They sign nothing real; they only keep the wire honest. */
export const DEFAULT_SECRET_ID = 'AKIDlocalEmulatorSecretId';
export const DEFAULT_SECRET_KEY = 'localEmulatorSecretKeyDoNotUseInProduction';
export const DEFAULT_ENV_ID = 'local-dev';

const emulatorEnvSchema = z.object({
  EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  EMULATOR_HOST: z.string().default('127.0.0.1'),
  EMULATOR_DATA: z.string().min(1).default(path.join(process.cwd(), '.data', 'emulator')),
  EMULATOR_SECRET_ID: z.string().min(1).default(DEFAULT_SECRET_ID),
  EMULATOR_SECRET_KEY: z.string().min(1).default(DEFAULT_SECRET_KEY),
  EMULATOR_ENV_ID: z.string().min(1).default(DEFAULT_ENV_ID),
  /** Lifetime of the local dev login (7 days by default). */
  EMULATOR_DEV_TOKEN_TTL_HOURS: z.coerce.number().positive().max(24 * 366).default(24 * 7),
});

export type EmulatorEnv = z.infer<typeof emulatorEnvSchema>;

/** Parse the emulator's environment once; fail with the list of what is wrong. */
export function readEmulatorEnv(env: NodeJS.ProcessEnv = process.env): EmulatorEnv {
  const parsed = emulatorEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n  ');
    throw new Error(`Invalid emulator configuration:\n  ${problems}`);
  }
  return parsed.data;
}
