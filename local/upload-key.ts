import { createHmac } from 'node:crypto';

/**
 * The local upload route's copy of cloudfunctions/_shared/signing.ts `uploadKeyOf` (local may not import function
 * code): the opaque folder a person's photos go to. test/integration/storage/storage.test.ts checks a photo uploaded
 * here is accepted as the uploader's own by the functions.
 */
export const uploadKeyFor = (secret: string, openid: string): string =>
  `u${createHmac('sha256', secret).update(`upload-folder\n${openid}`).digest('base64url').replace(/[^A-Za-z0-9]/g, '').slice(0, 24)}`;
