/**
 * How long each kind of personal data is kept, defined once: 我的信息 and the export show it beside each item, the
 * privacy policy lists it, and the retention timer (`user.purgeExpired`) removes what has passed it
 * (docs/domain.md: Privacy; docs/privacy.md).
 */
export type RetentionKey =
  | 'profile'
  | 'checkin'
  | 'location'
  | 'attendance'
  | 'serviceLog'
  | 'certificate'
  | 'wishOpen'
  | 'wishClosed'
  | 'wishDropped'
  | 'claim'
  | 'question'
  | 'offer'
  | 'contactLog'
  | 'export'
  | 'requestLog'
  | 'postCounter';

export interface RetentionRule {
  /** What is kept, in words. */
  label: string;
  /** In words, as the person reads it. */
  period: string;
  /** Days after which the timer removes it (or cuts it back); null: kept as the period says, removed on 注销. */
  days: number | null;
  /** Why it is kept that long. */
  why: string;
}

export const RETENTION: Record<RetentionKey, RetentionRule> = {
  profile: { label: '个人资料与角色', period: '至注销为止', days: null, why: '用于识别身份、联系党员和授予工作权限' },
  checkin: {
    label: '报到记录',
    period: '长期保存；注销后以“已注销用户”保留',
    days: null,
    why: '社区和单位须保存报到台账（报到日期、社区、单位、确认人）',
  },
  location: {
    label: '报到和签到时的位置',
    period: '约 100 米精度的坐标保存 90 天，之后只保留距离和精度',
    days: 90,
    why: '证明报到或签到时在社区（活动）范围内；核对异议需要一段时间',
  },
  attendance: {
    label: '活动报名与签到',
    period: '长期保存；注销后以“已注销用户”保留，未开始的报名直接取消',
    days: null,
    why: '签到签退是计算服务时长的依据',
  },
  serviceLog: {
    label: '志愿服务记录',
    period: '已确认的服务时长长期保存（志愿服务记录）；注销后以“已注销用户”保留，待确认的撤回',
    days: null,
    why: '按《志愿服务记录与证明出具办法》，服务记录须长期保存，社区台账需要',
  },
  certificate: {
    label: '志愿服务记录证明',
    period: '长期保存；注销后验证仍可查询，姓名显示为“已注销用户”',
    days: null,
    why: '已出具的证明须能被任何人核验',
  },
  wishOpen: { label: '未办结的心愿', period: '至办结或撤回为止；注销时撤回', days: null, why: '发布心愿、等待认领和送达' },
  wishClosed: {
    label: '已销号的心愿',
    period: '已销号的心愿长期公示；注销后以“已注销用户”保留，不含联系方式',
    days: null,
    why: '社区须公示办结的微心愿，并保存需求、认领、销号台账',
  },
  wishDropped: { label: '未通过或已撤回的心愿', period: '未通过或已撤回的心愿 180 天后删除（含照片）', days: 180, why: '便于说明未通过的原因和处理申诉' },
  claim: { label: '认领', period: '认领期间保存；注销时释放未完成的认领', days: null, why: '认领人需要联系受助人并送达' },
  question: {
    label: '网络问政的问题',
    period: '已答复的公开问题长期公示；注销后以“已注销用户”保留，未办结的撤回',
    days: null,
    why: '社区须公开答复情况和办理统计',
  },
  offer: { label: '帮助意向', period: '至匹配或注销为止', days: null, why: '工作人员据此为心愿匹配帮助人' },
  contactLog: { label: '联系方式查看记录', period: '随心愿保存；注销后只显示“已注销用户”', days: null, why: '让受助人知道谁看过其联系方式（防止滥用）' },
  export: { label: '导出文件', period: '导出文件 7 天后删除', days: 7, why: '给您足够时间下载' },
  requestLog: { label: '提交记录（防重复）', period: '1 天后删除', days: 1, why: '防止网络重试造成重复提交；重试只发生在几分钟之内' },
  postCounter: { label: '每日发布计数', period: '30 天后删除', days: 30, why: '限制每天发布的数量，防止刷屏' },
};

const DAY_MS = 86_400_000;

/** The moment before which records of `key` have passed their retention at `now` (null: no timed removal). */
export function retentionCutoff(key: RetentionKey, now: Date): Date | null {
  const days = RETENTION[key].days;
  return days === null ? null : new Date(now.getTime() - days * DAY_MS);
}
