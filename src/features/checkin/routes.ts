/** Pages of the 报到 / activities / records area, in one place so links stay right when pages move. */
export const CHECKIN_URL = '/pages/checkin/index';
export const ACTIVITY_LIST_URL = '/pages/activity-list/index';
export const ACTIVITY_DETAIL_URL = '/pages/activity-detail/index';
export const RECORDS_URL = '/pages/records/index';
export const SERVICE_FORM_URL = '/pages/records/service-form';
export const CERTIFICATE_URL = '/pages/certificate/index';

const STAFF = '/packages/staff/pages';
export const STAFF_CHECKIN_HUB_URL = `${STAFF}/checkin-hub/index`;
export const STAFF_CHECKIN_REVIEW_URL = `${STAFF}/checkin-review/index`;
export const STAFF_CHECKIN_SETTINGS_URL = `${STAFF}/checkin-settings/index`;
export const STAFF_ACTIVITY_PUBLISH_URL = `${STAFF}/activity-publish/index`;
export const STAFF_ACTIVITY_MANAGE_URL = `${STAFF}/activity-manage/index`;
export const STAFF_SERVICE_REVIEW_URL = `${STAFF}/service-review/index`;

export const withQuery = (url: string, query: Record<string, string | undefined>) => {
  const parts = Object.entries(query).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`);
  return parts.length ? `${url}?${parts.join('&')}` : url;
};
