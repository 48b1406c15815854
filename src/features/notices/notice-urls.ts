/** Where the notice screens live; the public ones are in the main package so shared links open without a subpackage. */
export const noticeListUrl = (communityId?: string) => (communityId ? `/pages/notice-list/index?communityId=${communityId}` : '/pages/notice-list/index');
export const noticeDetailUrl = (id: string) => `/pages/notice-detail/index?id=${id}`;
export const noticeEditorUrl = (params: { communityId: string } | { id: string }) =>
  'id' in params ? `/packages/staff/pages/notice-editor/index?id=${params.id}` : `/packages/staff/pages/notice-editor/index?communityId=${params.communityId}`;
