/** Where the wish pages are; staff pages live in the staff subpackage. */
export const WISH_DETAIL_URL = '/pages/wish-detail/index';
export const WISH_POST_URL = '/pages/wish-post/index';
export const WISH_MINE_URL = '/pages/wish-mine/index';

export const STAFF_WISH_PAGES = [
  { key: 'review', title: '心愿审核', url: '/packages/staff/pages/wish-review/index' },
  { key: 'chase', title: '认领督办', url: '/packages/staff/pages/wish-chase/index' },
  { key: 'campaign', title: '心愿活动', url: '/packages/staff/pages/wish-campaign/index' },
  { key: 'match', title: '意向匹配', url: '/packages/staff/pages/wish-match/index' },
] as const;

export const wishDetailUrl = (id: string) => `${WISH_DETAIL_URL}?id=${encodeURIComponent(id)}`;
