import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { sendJson } from './send';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Serves the built H5 app; unknown paths fall back to index.html (the app routes itself). */
export function serveStatic(root: string, pathname: string, res: ServerResponse): void {
  const resolvedRoot = path.resolve(root);
  let file = path.resolve(resolvedRoot, `.${decodeURIComponent(pathname)}`);
  if (!file.startsWith(resolvedRoot)) return sendJson(res, 403, { code: 'FORBIDDEN', message: 'path outside the app' });
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(resolvedRoot, 'index.html');
  if (!fs.existsSync(file)) return sendJson(res, 404, { code: 'NOT_FOUND', message: 'the H5 app is not built (npm run build:h5)' });
  const body = fs.readFileSync(file);
  const cache = path.basename(file) === 'index.html' ? 'no-cache' : 'public, max-age=3600';
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-length': body.length, 'cache-control': cache });
  res.end(body);
}
