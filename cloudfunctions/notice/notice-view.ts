import { isArchived } from '../../src/domain/notice-publicity';
import type { NoticeSummary, NoticeView } from '../../src/domain/notice.schema';
import type { NoticeRecord } from '../_shared/repositories/notice.repository';

const EXCERPT_CHARS = 60;
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** The editor of a revision stays internal even to staff; the history itself only to staff. */
export function toNoticeView(n: NoticeRecord, now: Date, canManage: boolean): NoticeView {
  const { excerpt: _excerpt, ...summary } = toNoticeSummary(n, now);
  return {
    ...summary,
    body: n.body,
    version: n.version,
    canManage,
    // Earlier wording is for the staff who manage the notice; the public sees only what is published now.
    history: canManage ? n.history.map((h) => ({ category: h.category, title: h.title, body: h.body, replacedAt: new Date(h.replacedAt).toISOString() })) : [],
  };
}

export function toNoticeSummary(n: NoticeRecord, now: Date): NoticeSummary {
  const chars = [...n.body.replace(/\s+/g, ' ').trim()];
  return {
    id: n._id,
    communityId: n.communityId,
    communityName: n.communityName,
    category: n.category,
    title: n.title,
    excerpt: chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join('')}…` : chars.join(''),
    pinned: n.pinned,
    publishedAt: new Date(n.publishedAt).toISOString(),
    publicityEndsAt: iso(n.publicityEndsAt),
    archived: isArchived(n.publicityEndsAt ? new Date(n.publicityEndsAt) : null, now),
    editedAt: iso(n.editedAt),
  };
}
