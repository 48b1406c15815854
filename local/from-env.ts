import type { EmulatorEnv } from '../emulator/config';
import { startLocalServer, type LocalServer, type LocalServerOptions } from './server';
import { seedIfEmpty } from './seed/seed-data';

/**
 * The local platform as `npm start` and `npm run emulator`'s local CLI run it: configured from the documented
 * EMULATOR_* environment, then seeded with the demo data when the database is empty.
 */
export async function startSeededLocalServer(
  env: EmulatorEnv,
  options: Omit<LocalServerOptions, 'data' | 'host' | 'envId' | 'secretId' | 'secretKey' | 'devTokenTtlSeconds'>,
): Promise<{ server: LocalServer; seeded: boolean }> {
  const server = await startLocalServer({
    data: env.EMULATOR_DATA,
    port: env.EMULATOR_PORT,
    host: env.EMULATOR_HOST,
    envId: env.EMULATOR_ENV_ID,
    secretId: env.EMULATOR_SECRET_ID,
    secretKey: env.EMULATOR_SECRET_KEY,
    devTokenTtlSeconds: env.EMULATOR_DEV_TOKEN_TTL_HOURS * 3600,
    ...options,
  });
  const seeded = await seedIfEmpty({ serviceUrl: server.emulatorUrl, envId: env.EMULATOR_ENV_ID, secretId: env.EMULATOR_SECRET_ID, secretKey: env.EMULATOR_SECRET_KEY });
  return { server, seeded };
}
