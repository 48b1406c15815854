import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';

/** Every cloud function's action table, read from the same sources the bundles are built from. */
export interface RegisteredAction {
  fn: string;
  action: string;
  schema: z.ZodType;
  access: 'public' | 'user';
}

const FUNCTIONS_ROOT = path.resolve(__dirname, '../../cloudfunctions');

export function registeredActions(): RegisteredAction[] {
  return fs
    .readdirSync(FUNCTIONS_ROOT)
    .filter((dir) => !dir.startsWith('_') && fs.existsSync(path.join(FUNCTIONS_ROOT, dir, 'index.ts')))
    .sort()
    .flatMap((dir) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- every function folder, found by listing them
      const { main } = require(path.join(FUNCTIONS_ROOT, dir, 'index.ts')) as {
        main: { functionName: string; actions: Record<string, { schema: z.ZodType; access: 'public' | 'user' }> };
      };
      return Object.entries(main.actions).map(([action, def]) => ({ fn: main.functionName, action, schema: def.schema, access: def.access }));
    });
}
