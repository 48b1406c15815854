/**
 * WeChat's image content check (security.mediaCheckAsync v2) for photos other people can see. A photo is checked
 * when it is stored; WeChat answers later with the `wxa_media_check` push. Until the answer is `pass` the photo is
 * shown only to its owner (with 「审核中」) and to staff (so a review queue is not blind); a `risky` photo is shown to
 * nobody but its owner, marked 「未通过审核」. `review` (WeChat unsure) stays hidden like a pending one.
 */
export type MediaCheckState = 'pending' | 'pass' | 'risky' | 'review';

/** What WeChat's push says (`result.suggest`), as a stored state; anything unknown is treated as unsure. */
export function stateOfSuggest(suggest: unknown): Exclude<MediaCheckState, 'pending'> {
  return suggest === 'pass' || suggest === 'risky' ? suggest : 'review';
}

/** How one photo appears to one viewer: shown plainly, shown with a mark, or not at all. */
export type PhotoAppearance = { show: false } | { show: true; mark: PhotoMark | null };
export type PhotoMark = 'pending' | 'risky';

export const PHOTO_MARK_LABELS: Record<PhotoMark, string> = { pending: '审核中', risky: '未通过审核' };

/**
 * The one visibility rule. `state` undefined means no check was ever recorded: photos stored before checks existed
 * were visible already, and hiding them now would change published records, so they stay shown.
 */
export function photoAppearance(state: MediaCheckState | undefined, viewer: { isOwner: boolean; isStaff: boolean }): PhotoAppearance {
  if (state === undefined || state === 'pass') return { show: true, mark: null };
  if (state === 'risky') return viewer.isOwner ? { show: true, mark: 'risky' } : { show: false };
  return viewer.isOwner || viewer.isStaff ? { show: true, mark: 'pending' } : { show: false };
}

/** WeChat's scene for mediaCheckAsync v2 (1 资料, 2 评论, 3 论坛, 4 社交日志). */
export const MEDIA_CHECK_SCENES = { profile: 1, comment: 2, forum: 3, socialLog: 4 } as const;
export type MediaCheckScene = (typeof MEDIA_CHECK_SCENES)[keyof typeof MEDIA_CHECK_SCENES];
