import { ATTENDANCE_STATUS_LABELS, type AttendanceStatus } from './activity.schema';
import type { CheckinStatus } from './checkin-term';
import type { LedgerTable } from './ledger-table';
import type { MyDataField, MyDataRecord, MyDataSection, MyDataView, WithdrawLine } from './privacy.schema';
import { QUESTION_STATUS_LABELS, type QuestionStatus } from './question.schema';
import { RETENTION, type RetentionKey } from './retention';
import { ROLE_LABELS, type Role } from './roles';
import { SERVICE_LOG_STATUS_LABELS, type ServiceLogStatus } from './service-log.schema';
import { formatShanghaiMinute } from './shanghai-time';
import { WISH_STATUS_LABELS, type WishStatus } from './wish-machine';

/**
 * Everything stored about one person, as read from the database (the fields the page, the export and 注销 need).
 * One builder turns it into what 我的信息 shows and what the export holds, so the two cannot differ.
 */
export interface PersonalData {
  openid: string;
  user: {
    communityName: string | null;
    member: { name: string; phone: string; workUnitName: string; partyBranch: string; skills: string[]; registeredAt: Date | string } | null;
    grants: { role: string; scopeName?: string; scopeId: string }[];
    createdAt: Date | string | null;
  } | null;
  checkins: { communityName: string; status: CheckinStatus; reportedAt: Date | string; distance: number; accuracy: number; point: { latitude: number; longitude: number } | null; current: boolean }[];
  attendances: { activityId: string; status: AttendanceStatus; signedUpAt: Date | string; checkInAt: Date | string | null; hours: number | null; point: { latitude: number; longitude: number } | null }[];
  serviceLogs: { _id: string; title: string; serviceDate: string; hours: number; status: ServiceLogStatus; communityName: string; evidence: string[] }[];
  certificates: { _id: string; issuedOn: string; hours: number; communityName: string }[];
  wishesPosted: { _id: string; title: string; status: WishStatus; createdAt: Date | string; photos: string[]; communityName: string; contactReveals: { byLabel: string; at: Date | string }[] }[];
  wishesHeld: { _id: string; title: string; status: WishStatus; claimedAt: Date | string; deliveryPhotos: string[]; holderKind: 'member' | 'unit' }[];
  offers: { _id: string; ways: string[]; note: string; createdAt: Date | string }[];
  questions: { _id: string; title: string; status: QuestionStatus; askedAt: Date | string; isPublic: boolean; photos: string[]; answered: boolean }[];
}

const at = (value: Date | string | null) => (value ? formatShanghaiMinute(value) : '—');
const field = (label: string, value: string | number): MyDataField => ({ label, value: String(value) });

function record(title: string, retention: RetentionKey, fields: MyDataField[]): MyDataRecord {
  return { title, fields, retention, why: RETENTION[retention].why, period: RETENTION[retention].period };
}

const CHECKIN_LABELS: Record<CheckinStatus, string> = { pending: '待确认', confirmed: '已确认', rejected: '已退回', withdrawn: '已撤回' };
const roleName = (role: string) => ROLE_LABELS[role as Role] ?? role;

function location(point: { latitude: number; longitude: number } | null, distance?: number, accuracy?: number): MyDataField[] {
  const fields: MyDataField[] = [];
  if (distance !== undefined) fields.push(field('距社区位置', `${distance} 米`));
  if (accuracy !== undefined) fields.push(field('定位精度', `${accuracy} 米`));
  fields.push(field('位置（约 100 米精度）', point ? `${point.latitude.toFixed(3)}, ${point.longitude.toFixed(3)}` : '已删除（超过保存期限）'));
  return fields;
}

export function buildMyData(data: PersonalData, now: Date): MyDataView {
  const u = data.user;
  const profile: MyDataRecord[] = [];
  if (u) {
    profile.push(
      record('账号', 'profile', [
        field('居住社区', u.communityName ?? '未选择'),
        field('角色', ['居民', ...(u.member ? ['在职党员'] : []), ...u.grants.map((g) => `${roleName(g.role)}（${g.scopeName || g.scopeId}）`)].join('、')),
        field('首次使用', at(u.createdAt)),
      ]),
    );
    if (u.member) {
      profile.push(
        record('在职党员登记信息', 'profile', [
          field('姓名', u.member.name),
          field('手机号', u.member.phone),
          field('工作单位', u.member.workUnitName),
          field('所在党支部', u.member.partyBranch),
          field('特长', u.member.skills.join('、') || '无'),
          field('登记时间', at(u.member.registeredAt)),
        ]),
      );
    }
  }

  const checkins = data.checkins.map((c) =>
    record(`${c.communityName} 报到（${CHECKIN_LABELS[c.status]}${c.current ? '，当前' : ''}）`, 'checkin', [
      field('报到时间', at(c.reportedAt)),
      ...location(c.point, c.distance, c.accuracy),
    ]),
  );
  const checkinLocations = data.checkins.length > 0 ? [record('报到时的位置', 'location', [field('说明', '见上方每条报到记录中的距离、精度和约 100 米精度的位置')])] : [];

  const service = [
    ...data.attendances.map((a) =>
      record(`活动报名（${ATTENDANCE_STATUS_LABELS[a.status]}）`, 'attendance', [
        field('活动编号', a.activityId),
        field('报名时间', at(a.signedUpAt)),
        field('签到时间', at(a.checkInAt)),
        field('时长', a.hours === null ? '—' : `${a.hours} 小时`),
        field('签到位置（约 100 米精度）', a.point ? `${a.point.latitude.toFixed(3)}, ${a.point.longitude.toFixed(3)}` : '无或已删除'),
      ]),
    ),
    ...data.serviceLogs.map((l) =>
      record(`服务记录：${l.title}（${SERVICE_LOG_STATUS_LABELS[l.status]}）`, 'serviceLog', [
        field('日期', l.serviceDate),
        field('社区', l.communityName),
        field('时长', `${l.hours} 小时`),
        field('证明照片', `${l.evidence.length} 张`),
      ]),
    ),
    ...data.certificates.map((c) =>
      record(`志愿服务记录证明 ${c._id}`, 'certificate', [field('出具日期', c.issuedOn), field('出具社区', c.communityName), field('时长', `${c.hours} 小时`)]),
    ),
  ];

  const wishes = [
    ...data.wishesPosted.map((w) =>
      record(`我发布的心愿：${w.title}（${WISH_STATUS_LABELS[w.status]}）`, wishRetention(w.status), [
        field('社区', w.communityName),
        field('发布时间', at(w.createdAt)),
        field('照片', `${w.photos.length} 张`),
      ]),
    ),
    ...data.wishesHeld.map((w) =>
      record(`我认领的心愿：${w.title}（${WISH_STATUS_LABELS[w.status]}）`, 'claim', [
        field('认领方式', w.holderKind === 'unit' ? '代表单位认领' : '个人认领'),
        field('认领时间', at(w.claimedAt)),
        field('送达照片', `${w.deliveryPhotos.length} 张`),
      ]),
    ),
    ...data.offers.map((o) => record('我提出的帮助意向', 'offer', [field('方式', o.ways.join('、')), field('说明', o.note || '无'), field('时间', at(o.createdAt))])),
  ];

  const questions = data.questions.map((q) =>
    record(`问题：${q.title}（${QUESTION_STATUS_LABELS[q.status]}）`, 'question', [
      field('提出时间', at(q.askedAt)),
      field('是否公开', q.isPublic ? '公开（姓名遮挡）' : '不公开'),
      field('照片', `${q.photos.length} 张`),
    ]),
  );

  const uploads = uploadsOf(data).map((u) => record(`照片：${u.where}`, u.retention, [field('文件', u.fileId.split('/').pop() ?? u.fileId)]));

  const contactLog = data.wishesPosted.flatMap((w) =>
    w.contactReveals.map((r) => record(`「${w.title}」的联系方式被查看`, 'contactLog', [field('查看人', r.byLabel), field('时间', at(r.at))])),
  );

  const sections: MyDataSection[] = [
    { key: 'profile', title: '个人资料与角色', empty: '您还没有登记任何个人资料', records: profile },
    { key: 'checkins', title: '报到记录', empty: '没有报到记录', records: [...checkins, ...checkinLocations] },
    { key: 'service', title: '活动签到与服务记录', empty: '没有活动报名或服务记录', records: service },
    { key: 'wishes', title: '微心愿', empty: '没有发布或认领的心愿', records: wishes },
    { key: 'questions', title: '网络问政', empty: '没有提出过问题', records: questions },
    { key: 'uploads', title: '上传的照片', empty: '没有上传过照片', records: uploads },
    { key: 'contactLog', title: '谁看过我的联系方式', empty: '没有人查看过您的联系方式', records: contactLog },
  ];
  return { generatedAt: formatShanghaiMinute(now), sections };
}

function wishRetention(status: WishStatus): RetentionKey {
  if (status === 'closed' || status === 'fulfilled') return 'wishClosed';
  if (status === 'rejected' || status === 'withdrawn' || status === 'revoked') return 'wishDropped';
  return 'wishOpen';
}

function uploadsOf(data: PersonalData): { fileId: string; where: string; retention: RetentionKey }[] {
  return [
    ...data.wishesPosted.flatMap((w) => w.photos.map((fileId) => ({ fileId, where: `心愿「${w.title}」`, retention: wishRetention(w.status) }))),
    ...data.wishesHeld.flatMap((w) => w.deliveryPhotos.map((fileId) => ({ fileId, where: `送达「${w.title}」`, retention: 'claim' as const }))),
    ...data.questions.flatMap((q) => q.photos.map((fileId) => ({ fileId, where: `问题「${q.title}」`, retention: 'question' as const }))),
    ...data.serviceLogs.flatMap((l) => l.evidence.map((fileId) => ({ fileId, where: `服务记录「${l.title}」`, retention: 'serviceLog' as const }))),
  ];
}

/** The export's readable table (an .xlsx through the ledger module): one row per field, as the page shows it. */
export function myDataTable(view: MyDataView): LedgerTable {
  return {
    title: '我的信息',
    scopeName: '本人',
    periodLabel: `导出时间 ${view.generatedAt}`,
    columns: [
      { key: 'section', title: '分类', kind: 'text', width: 14 },
      { key: 'record', title: '记录', kind: 'text', width: 30 },
      { key: 'field', title: '项目', kind: 'text', width: 14 },
      { key: 'value', title: '内容', kind: 'text', width: 30 },
      { key: 'period', title: '保存期限', kind: 'text', width: 30 },
      { key: 'why', title: '保存原因', kind: 'text', width: 30 },
    ],
    rows: view.sections.flatMap((s) => s.records.flatMap((r) => r.fields.map((f) => ({ section: s.title, record: r.title, field: f.label, value: f.value, period: r.period, why: r.why })))),
    totals: null,
    definitions: [{ column: '保存期限', text: '每类信息保存多久、为什么保存，与隐私政策一致' }],
  };
}

/** What 注销 does, item by item: the preview shows it, and the withdrawal answers with the same lines. */
export function withdrawalPlan(data: PersonalData): WithdrawLine[] {
  const lines: WithdrawLine[] = [];
  const n = (count: number, what: string) => `${count} ${what}`;
  lines.push({ outcome: 'removed', text: '您的微信身份、姓名、手机号、工作单位、居住社区和工作角色将被删除' });
  const privatePhotos = privatePhotosOf(data).length;
  if (privatePhotos > 0) lines.push({ outcome: 'removed', text: `${n(privatePhotos, '张')}只有您和工作人员能看到的照片将被删除` });
  const current = data.checkins.find((c) => c.current);
  if (current?.status === 'pending') lines.push({ outcome: 'withdrawn', text: `在${current.communityName}待确认的报到将被撤回` });
  const keptCheckins = data.checkins.filter((c) => c.status === 'confirmed' || !c.current).length;
  if (keptCheckins > 0) lines.push({ outcome: 'kept', text: `${n(keptCheckins, '条')}报到记录保留在社区台账中，显示为“已注销用户”` });
  const signups = data.attendances.filter((a) => a.status === 'signed_up').length;
  if (signups > 0) lines.push({ outcome: 'withdrawn', text: `${n(signups, '个')}未开始的活动报名将被取消` });
  const pendingLogs = data.serviceLogs.filter((l) => l.status === 'pending').length;
  if (pendingLogs > 0) lines.push({ outcome: 'withdrawn', text: `${n(pendingLogs, '条')}待确认的服务记录将被撤回` });
  const hours = data.serviceLogs.filter((l) => l.status === 'confirmed').reduce((sum, l) => sum + l.hours, 0);
  if (hours > 0) lines.push({ outcome: 'kept', text: `已确认的 ${hours} 小时服务时长保留在社区台账中，显示为“已注销用户”` });
  if (data.certificates.length > 0) lines.push({ outcome: 'kept', text: `${n(data.certificates.length, '份')}已出具的证明仍可验证，姓名显示为“已注销用户”` });
  const openWishes = data.wishesPosted.filter((w) => w.status === 'submitted' || w.status === 'published').length;
  if (openWishes > 0) lines.push({ outcome: 'withdrawn', text: `${n(openWishes, '个')}尚未被认领的心愿将被撤回` });
  const inProgress = data.wishesPosted.filter((w) => w.status === 'claimed' || w.status === 'fulfilled').length;
  if (inProgress > 0) lines.push({ outcome: 'kept', text: `${n(inProgress, '个')}正在办理的心愿交由社区工作人员跟进销号，显示为“已注销用户”` });
  const closed = data.wishesPosted.filter((w) => w.status === 'closed').length;
  if (closed > 0) lines.push({ outcome: 'kept', text: `${n(closed, '个')}已销号的心愿保留在公示中，显示为“已注销用户”` });
  const openClaims = data.wishesHeld.filter((w) => w.status === 'claimed' && w.holderKind === 'member').length;
  if (openClaims > 0) lines.push({ outcome: 'released', text: `${n(openClaims, '个')}未完成的认领将被释放，心愿重新等待认领` });
  if (data.offers.length > 0) lines.push({ outcome: 'removed', text: `${n(data.offers.length, '条')}帮助意向将被删除` });
  const openQuestions = data.questions.filter((q) => !q.answered).length;
  if (openQuestions > 0) lines.push({ outcome: 'withdrawn', text: `${n(openQuestions, '个')}尚未答复的问题将被撤回并删除` });
  const answered = data.questions.filter((q) => q.answered).length;
  if (answered > 0) lines.push({ outcome: 'kept', text: `${n(answered, '个')}已答复的问题保留（公开的仍公示），提问人显示为“已注销用户”` });
  lines.push({ outcome: 'removed', text: '注销后再次使用将作为新用户重新开始，以前的记录不会恢复' });
  return lines;
}

/** Photos nobody but the person and staff could see: they go with the person. Public ones stay with their record. */
export function privatePhotosOf(data: PersonalData): string[] {
  return [
    ...data.wishesPosted.filter((w) => w.status !== 'closed' && w.status !== 'fulfilled' && w.status !== 'claimed').flatMap((w) => w.photos),
    ...data.questions.filter((q) => !q.answered || !q.isPublic).flatMap((q) => q.photos),
    ...data.serviceLogs.filter((l) => l.status !== 'confirmed').flatMap((l) => l.evidence),
  ];
}
