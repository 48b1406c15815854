import type { ApiOf } from '../_shared/api';
import { defineFunction } from '../_shared/define-function';
import { edit, pin } from './handlers/edit-notice.handler';
import { get } from './handlers/get-notice.handler';
import { latest, list } from './handlers/list-notices.handler';
import { publish } from './handlers/publish-notice.handler';

/** `notice`: each community's public notices and 公示 (docs/domain.md §5). */
export const main = defineFunction('notice', { list, latest, get, publish, edit, pin });

/** The contract the client and the tests call this function through (types only). */
export type NoticeApi = ApiOf<typeof main>;
