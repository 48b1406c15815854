import type { ServerResponse } from 'node:http';

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  const headers: Record<string, string | number> = { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) };
  // A refused oversized body is still arriving: closing the connection after the answer drops the rest, and the next
  // request comes on a fresh connection instead of behind megabytes nobody reads.
  if (status === 413) headers.connection = 'close';
  res.writeHead(status, headers);
  res.end(text);
}
