/**
 * Timers that send one notice per person: a timer has its function's 10 s (cloudbaserc.json), and each send is a
 * round trip to WeChat, so a day's sends cannot go one by one. Ten at a time keeps a batch within the per-function
 * concurrency a small environment allows.
 */
export const SEND_BATCH = 10;

/** Runs `work` over `items`, `size` at a time; each batch finishes before the next starts. */
export async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<void>, size = SEND_BATCH): Promise<void> {
  for (let i = 0; i < items.length; i += size) {
    await Promise.all(items.slice(i, i + size).map(work));
  }
}
