/**
 * WeChat's own template and style compilers (`wcc`/`wcsc` from miniprogram-compiler) over a whole weapp build.
 * The package's index.js hides wcsc failures behind a TypeError, so its src/wcc and src/wcsc are called directly.
 */
import fs from 'node:fs';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const wcc = require('miniprogram-compiler/src/wcc') as (root: string, files: string[], wxs: string[], options?: { maxBuffer?: number }) => string;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const wcsc = require('miniprogram-compiler/src/wcsc') as (root: string, files: string[], options?: { maxBuffer?: number }) => Record<string, string> | Error;

export interface CompiledWeapp {
  /** wcc's output: a script that defines `$gwx` on `window` (evaluate it where jsdom's window exists). */
  templateSource: string;
  wxmlFiles: string[];
  wxssFiles: string[];
}

const MAX_BUFFER = 64 * 1024 * 1024;

export function listFiles(dir: string, ext: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(child);
      } else if (entry.name.endsWith(ext)) out.push(child);
    }
  };
  walk('');
  return out.sort();
}

/** Compiles every WXML (+WXS) and WXSS file of the build; throws with the compiler's own message on any error. */
export function compileWeapp(dir: string): CompiledWeapp {
  const wxmlFiles = listFiles(dir, '.wxml');
  const wxsFiles = listFiles(dir, '.wxs');
  const wxssFiles = listFiles(dir, '.wxss');
  let source: string;
  try {
    source = wcc(dir, wxmlFiles.map((f) => f.slice(0, -'.wxml'.length)), wxsFiles, { maxBuffer: MAX_BUFFER });
  } catch (error) {
    throw new Error(`wcc: ${(error as Error).message}`);
  }
  const styles = wcsc(dir, wxssFiles.map((f) => f.slice(0, -'.wxss'.length)), { maxBuffer: MAX_BUFFER });
  if (styles instanceof Error) throw new Error(`wcsc: ${styles.message}`);
  return { templateSource: source, wxmlFiles, wxssFiles };
}
