import { countDocs } from '../fixtures/database';
import type { TestPlatform } from './local-platform';

/**
 * Waits until WeChat's image check has answered every photo submitted so far (the emulator pushes each verdict a
 * moment after security.mediaCheckAsync): photos others see are shown only after that.
 */
export async function mediaChecksSettled(platform: TestPlatform, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await countDocs(platform, 'media_checks', { state: 'pending' })) > 0) {
    if (Date.now() > deadline) throw new Error(`media checks still pending after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
