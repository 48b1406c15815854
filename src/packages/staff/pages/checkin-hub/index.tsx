import Taro from '@tarojs/taro';
import { ListCell, ListGroup } from '@/components/list-cell';
import { StaffScope } from '@/features/checkin/staff/staff-scope';
import { STAFF_ACTIVITY_MANAGE_URL, STAFF_ACTIVITY_PUBLISH_URL, STAFF_CHECKIN_REVIEW_URL, STAFF_CHECKIN_SETTINGS_URL, STAFF_SERVICE_REVIEW_URL } from '@/routes';
import { PageRoot } from '@/components/page-root';

const AREAS = [
  { key: 'checkin-review', title: '报到确认与党员名册', description: '确认党员报到，查看已报到党员及服务时长', url: STAFF_CHECKIN_REVIEW_URL },
  { key: 'activity-publish', title: '发布服务活动', description: '标题、类型、时间、地点与名额', url: STAFF_ACTIVITY_PUBLISH_URL },
  { key: 'activity-manage', title: '活动签到管理', description: '报名与签到情况，活动结束后统一签退', url: STAFF_ACTIVITY_MANAGE_URL },
  { key: 'service-review', title: '服务时长确认', description: '确认或退回服务纪实、补录与自主服务', url: STAFF_SERVICE_REVIEW_URL },
  { key: 'checkin-settings', title: '社区位置与报到码', description: '设置报到范围，保存打印社区报到码', url: STAFF_CHECKIN_SETTINGS_URL },
];

/** 报到与服务管理: the staff side of issue 4 in one list. */
export default function CheckinHubPage() {
  return (
    <PageRoot className="page-checkin-hub">
      <StaffScope>
        {(community) => (
          <ListGroup title={community.name}>
            {AREAS.map((a) => (
              <ListCell key={a.key} className={`e2e-staff-${a.key}`} title={a.title} description={a.description} extra="›" onClick={() => void Taro.navigateTo({ url: a.url })} />
            ))}
          </ListGroup>
        )}
      </StaffScope>
    </PageRoot>
  );
}
