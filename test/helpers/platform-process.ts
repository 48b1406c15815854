import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { FUNCTIONS_DIR } from './local-platform';

/** The local platform in a child process of its own, so a test can kill it with SIGKILL and start it again. */
export interface PlatformProcess {
  url: string;
  child: ChildProcess;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../..');

export function startPlatformProcess(dataDir: string, port = 0): Promise<PlatformProcess> {
  // node with tsx's loader directly, not npx: SIGKILL must hit the process that owns the database.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'local/cli.ts')], {
    cwd: ROOT,
    env: { ...process.env, EMULATOR_DATA: dataDir, EMULATOR_PORT: String(port), FUNCTIONS_OUT: FUNCTIONS_DIR },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const onExit = (code: number | null) => reject(new Error(`platform process exited early (${code})`));
    child.once('exit', onExit);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /LOCAL_PLATFORM_URL=(\S+)/.exec(out);
      if (!match) return;
      child.off('exit', onExit);
      resolve({
        url: match[1],
        child,
        kill: (signal = 'SIGKILL') =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill(signal);
          }),
      });
    });
  });
}
