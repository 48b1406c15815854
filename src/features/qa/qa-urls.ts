export const questionDetailUrl = (id: string) => `/pages/question-detail/index?id=${id}`;
export const questionPublicUrl = (communityId?: string) => (communityId ? `/pages/question-public/index?communityId=${communityId}` : '/pages/question-public/index');
export const QA_INBOX_URL = '/packages/staff/pages/qa-inbox/index';
export const qaHandleUrl = (id: string) => `/packages/staff/pages/qa-handle/index?id=${id}`;
