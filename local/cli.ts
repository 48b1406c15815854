import path from 'node:path';
import { readEmulatorEnv } from '../emulator/config';
import { startSeededLocalServer } from './from-env';

/**
 * The local platform without the app build: emulator + function host on one port, seeded when empty.
 * Prints one line `LOCAL_PLATFORM_URL=http://127.0.0.1:PORT`. Functions come from FUNCTIONS_OUT or dist/cloudfunctions.
 * Used by the durability test (killed with SIGKILL and restarted on the same data) and handy for scripting.
 */
async function main() {
  process.env.TENCENTCLOUD = 'true';
  const env = readEmulatorEnv();
  const root = path.resolve(__dirname, '..');
  const { server } = await startSeededLocalServer(env, { root, functionsDir: process.env.FUNCTIONS_OUT });
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
