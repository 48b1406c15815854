import fs from 'node:fs';
import path from 'node:path';

/** One subscribe message the emulator "delivered", in WeChat's own field names plus when and for which app. */
export interface OutboxMessage {
  /** The msgid answered to the sender. */
  msgid: number;
  /** ISO 8601 time of sending. */
  timestamp: string;
  appid: string;
  touser: string;
  template_id: string;
  page?: string;
  /** Template data as sent: `{ key: { value } }`, values as strings. */
  data: Record<string, { value: string }>;
  miniprogram_state?: string;
  lang?: string;
}

/**
 * Sent subscribe messages, oldest first. With a file they are kept as JSON lines, appended synchronously so a
 * message the sender saw succeed is on disk even if the emulator dies right after, and read back on start.
 */
export class SubscribeOutbox {
  private readonly messages: OutboxMessage[] = [];

  constructor(private readonly file?: string) {
    if (!file) return;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (!fs.existsSync(file)) return;
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        this.messages.push(JSON.parse(line) as OutboxMessage);
      } catch {
        // A line cut short by a crash mid-append is lost; the rest of the outbox is still worth keeping.
      }
    }
  }

  add(message: OutboxMessage): void {
    if (this.file) fs.appendFileSync(this.file, `${JSON.stringify(message)}\n`);
    this.messages.push(message);
  }

  list(): OutboxMessage[] {
    return this.messages.map((m) => structuredClone(m));
  }

  clear(): void {
    this.messages.length = 0;
    if (this.file) fs.writeFileSync(this.file, '');
  }
}
