import { randomBytes } from 'node:crypto';
import { ACTIVITY_TYPES, type ActivityType } from '../../../src/domain/activity-types';
import {
  certificateActions,
  certificateNumber,
  contentSummary,
  randomCode,
  type CertificateVerification,
  type CertificateView,
} from '../../../src/domain/certificate';
import { failedPrecondition, invalidArgument } from '../../../src/domain/errors';
import { maskName } from '../../../src/domain/masking';
import { countsForCertificate, isRegisteredMember } from '../../../src/domain/checkin.policy';
import { toTotalsView } from '../../../src/domain/service-record';
import { formatShanghaiDate } from '../../../src/domain/shanghai-time';
import { defineAction } from '../../_shared/define-function';
import { findCurrentCheckin } from '../../_shared/repositories/checkin.repository';
import { findCertificate, insertCertificate, listCertificatesOf, type CertificateRecord } from '../../_shared/repositories/certificate.repository';
import { isDuplicateWrite } from '../../_shared/repositories/db-errors';
import { listConfirmedLogsBetween, type ServiceLogRecord } from '../../_shared/repositories/service-log.repository';
import { memberOf } from '../member';

const toView = (c: CertificateRecord): CertificateView => ({
  certificateNo: c._id,
  verificationCode: c.verificationCode,
  memberName: c.memberName,
  from: c.from,
  to: c.to,
  hours: c.hours,
  activities: c.activities,
  summary: c.summary,
  communityName: c.communityName,
  issuedOn: c.issuedOn,
});

/** The community that confirmed most of the hours issues the certificate; the current 报到 community breaks ties. */
function issuer(logs: ServiceLogRecord[], reportedTo: string | null): { id: string; name: string } {
  const byCommunity = new Map<string, { id: string; name: string; hours: number }>();
  for (const l of logs) {
    const c = byCommunity.get(l.communityId) ?? { id: l.communityId, name: l.communityName, hours: 0 };
    c.hours += l.hours;
    byCommunity.set(l.communityId, c);
  }
  const ranked = [...byCommunity.values()].sort((a, b) => b.hours - a.hours || Number(b.id === reportedTo) - Number(a.id === reportedTo));
  return ranked[0];
}

/** 志愿服务记录证明 over a period of confirmed service. */
export const issueCertificate = defineAction({
  schema: certificateActions.issueCertificate,
  access: 'user',
  authorize: isRegisteredMember,
  idempotent: true,
  async handler(input, ctx): Promise<CertificateView> {
    const now = ctx.now();
    const today = formatShanghaiDate(now);
    if (input.to > today) throw invalidArgument([{ field: 'to', message: '截止日期不能晚于今天' }]);
    const [user, confirmed, checkin] = await Promise.all([memberOf(ctx), listConfirmedLogsBetween(ctx.openid, input.from, input.to), findCurrentCheckin(ctx.openid)]);
    // Only hours someone else confirmed: a log its own member confirmed (before that was refused) proves nothing.
    const logs = confirmed.filter(countsForCertificate);
    if (logs.length === 0) throw failedPrecondition('该期间没有已确认的服务时长，暂不能出具证明');
    const hours = logs.reduce((sum, l) => sum + l.hours, 0);
    const byType: Partial<Record<ActivityType, number>> = {};
    for (const l of logs) byType[l.type] = (byType[l.type] ?? 0) + l.hours;
    const totals = toTotalsView({ hours, activities: logs.length, byType });
    const community = issuer(logs, checkin?.communityId ?? null);
    const base = {
      openid: ctx.openid,
      memberName: user.member.name,
      from: input.from,
      to: input.to,
      hours,
      activities: logs.length,
      summary: `${contentSummary(totals.byType)}（${ACTIVITY_TYPES.filter((t) => byType[t]).length} 类，共 ${logs.length} 次）`,
      communityId: community.id,
      communityName: community.name,
      issuedOn: today,
      createdAt: now,
    };
    // Random numbers collide about once in a billion per day; one retry settles it.
    for (let attempt = 0; ; attempt += 1) {
      const record: CertificateRecord = { ...base, _id: certificateNumber(today, randomCode(6, randomBytes)), verificationCode: randomCode(8, randomBytes) };
      try {
        await insertCertificate(record);
        return toView(record);
      } catch (error) {
        if (!isDuplicateWrite(error) || attempt > 0) throw error;
      }
    }
  },
});

export const myCertificates = defineAction({
  schema: certificateActions.myCertificates,
  access: 'user',
  async handler(_input, ctx): Promise<{ items: CertificateView[] }> {
    return { items: (await listCertificatesOf(ctx.openid)).map(toView) };
  },
});

/** Public: anyone holding a certificate checks number and code; the name is masked. */
export const verifyCertificate = defineAction({
  schema: certificateActions.verifyCertificate,
  access: 'public',
  async handler(input): Promise<CertificateVerification> {
    const found = await findCertificate(input.certificateNo);
    if (!found || found.verificationCode !== input.code) return { genuine: false, message: '未查到与该编号和验证码相符的证明，请核对后重试；如有疑问请联系出具社区' };
    const { verificationCode: _code, ...view } = toView(found);
    return { genuine: true, certificate: { ...view, memberName: maskName(found.memberName) } };
  },
});
