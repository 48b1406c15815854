import { readEmulatorEnv } from './config';
import { startEmulator } from './server';

/** `npm run emulator`: the emulator alone; prints exactly one line with its URL. */
async function main() {
  const env = readEmulatorEnv();
  const running = await startEmulator({
    data: env.EMULATOR_DATA,
    port: env.EMULATOR_PORT,
    host: env.EMULATOR_HOST,
    secretId: env.EMULATOR_SECRET_ID,
    secretKey: env.EMULATOR_SECRET_KEY,
    envId: env.EMULATOR_ENV_ID,
  });
  process.stdout.write(`CLOUDBASE_EMULATOR_URL=${running.url}\n`);
  const stop = () => {
    running.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
