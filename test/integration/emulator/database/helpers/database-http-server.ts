import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DatabaseEngine, type DatabaseEngineOptions } from '../../../../../emulator/database/engine';
import { EmulatorError } from '../../../../../emulator/errors';

export interface DatabaseServer {
  engine: DatabaseEngine;
  /** serviceUrl for the SDK */
  url: string;
  close(): Promise<void>;
}

/**
 * The engine behind the smallest server that speaks like the emulator's (no signature check):
 * `{ requestId, ...reply }`, or `{ code, message, requestId }` for an EmulatorError, both HTTP 200.
 */
export async function startDatabaseServer(options: DatabaseEngineOptions, port = 0): Promise<DatabaseServer> {
  const engine = new DatabaseEngine(options);
  let requests = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const requestId = `test-${++requests}`;
      let reply: Record<string, unknown>;
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        reply = { requestId, ...(await engine.handle(String(body.action ?? ''), body)) };
      } catch (error) {
        reply = error instanceof EmulatorError ? { code: error.code, message: error.message, requestId } : { code: 'SYS_ERR', message: String(error), requestId };
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply));
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actualPort } = server.address() as AddressInfo;
  return {
    engine,
    url: `http://127.0.0.1:${actualPort}/admin`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          engine.close();
          resolve();
        });
      }),
  };
}
