import path from 'node:path';
import { readEmulatorEnv } from '../emulator/config';
import { startLocalServer } from './server';
import { seedIfEmpty } from './seed/seed-data';

/**
 * The local platform without the app build: emulator + function host on one port, seeded when empty.
 * Prints one line `LOCAL_PLATFORM_URL=http://127.0.0.1:PORT`. Functions come from FUNCTIONS_OUT or dist/cloudfunctions.
 * Used by the durability test (killed with SIGKILL and restarted on the same data) and handy for scripting.
 */
async function main() {
  process.env.TENCENTCLOUD = 'true';
  const env = readEmulatorEnv();
  const root = path.resolve(__dirname, '..');
  const server = await startLocalServer({
    data: env.EMULATOR_DATA,
    port: env.EMULATOR_PORT,
    host: env.EMULATOR_HOST,
    envId: env.EMULATOR_ENV_ID,
    secretId: env.EMULATOR_SECRET_ID,
    secretKey: env.EMULATOR_SECRET_KEY,
    devTokenTtlSeconds: env.EMULATOR_DEV_TOKEN_TTL_HOURS * 3600,
    root,
    functionsDir: process.env.FUNCTIONS_OUT,
  });
  await seedIfEmpty({ serviceUrl: server.emulatorUrl, envId: env.EMULATOR_ENV_ID, secretId: env.EMULATOR_SECRET_ID, secretKey: env.EMULATOR_SECRET_KEY });
  process.stdout.write(`LOCAL_PLATFORM_URL=${server.url}\n`);
  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
