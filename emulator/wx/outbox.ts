import { JsonLinesJournal } from './json-lines';

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
  private readonly messages: OutboxMessage[];
  private readonly journal: JsonLinesJournal<OutboxMessage>;

  constructor(file?: string) {
    this.journal = new JsonLinesJournal(file);
    this.messages = this.journal.readAll() as OutboxMessage[];
  }

  add(message: OutboxMessage): void {
    this.journal.append(message);
    this.messages.push(message);
  }

  list(): OutboxMessage[] {
    return this.messages.map((m) => structuredClone(m));
  }

  clear(): void {
    this.messages.length = 0;
    this.journal.clear();
  }
}
