import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { readEmulatorEnv } from '../emulator/config';
import { startSeededLocalServer } from '../local/from-env';
import { buildFunctions } from './build-functions';

/**
 * `npm start`: build the functions and the local H5 app, start emulator + function host + app on one port,
 * seed the demo data when the database is empty, and print the address.
 */
async function main() {
  process.env.TENCENTCLOUD = 'true';
  const root = path.resolve(__dirname, '..');
  const env = readEmulatorEnv();
  const port = Number(process.env.PORT ?? 8787);

  console.log('› building cloud functions…');
  await buildFunctions({ root });
  if (process.env.SKIP_H5_BUILD !== '1') {
    console.log('› building the H5 app (local mode)…');
    execFileSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  }

  const { server, seeded } = await startSeededLocalServer(env, { port, root, h5Dir: path.join(root, 'dist', 'h5'), runTimers: true });
  console.log(seeded ? '› seeded demo data (南昌: 湖滨社区, 朝阳新城社区, 沙井社区; one persona per role)' : `› using existing data in ${env.EMULATOR_DATA}`);
  console.log(`CLOUDBASE_EMULATOR_URL=${server.emulatorUrl}`);
  console.log(`\n  党建服务小程序 (H5, local) → ${server.url}/\n`);

  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
