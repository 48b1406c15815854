import type { PersonalData } from '../../../src/domain/my-data';
import { WITHDRAWN_LABEL } from '../../../src/domain/masking';
import { effectOf } from '../../../src/domain/wish-machine';
import { WITHDRAWN_CLAIM_BLOCK } from '../../../src/domain/wish-rules';
import { database } from '../sdk';
import type { AttendanceRecord } from './attendance.repository';
import type { CheckinRecord } from './checkin.repository';
import type { CertificateRecord } from './certificate.repository';
import type { QuestionRecord } from './question.repository';
import type { ServiceLogRecord } from './service-log.repository';
import type { UserRecord } from './user.repository';
import type { OfferRecord } from './wish-offer.repository';
import type { HistoryEntry, WishRecord } from './wish.repository';

/**
 * Everything stored about one person across collections (我的信息, the export, 注销, the retention timer). Every
 * query is by an indexed owner field, each bounded; the reads run in parallel (one round trip of latency).
 */
type Tx = { collection(name: string): ReturnType<ReturnType<typeof database>['collection']> };

const LIMIT = 500;
const memberKey = (openid: string) => `m:${openid}`;

export interface PersonalRecords {
  user: UserRecord | null;
  communityName: string | null;
  current: CheckinRecord | null;
  history: (CheckinRecord & { endReason?: string })[];
  attendances: AttendanceRecord[];
  serviceLogs: ServiceLogRecord[];
  certificates: CertificateRecord[];
  posted: WishRecord[];
  held: WishRecord[];
  offers: OfferRecord[];
  questions: QuestionRecord[];
}

export async function readPersonalRecords(openid: string): Promise<PersonalRecords> {
  const db = database();
  const byOwner = async <T>(collection: string, where: Record<string, unknown>, limit = LIMIT) =>
    ((await db.collection(collection).where(where).limit(limit).get()) as { data: T[] }).data;
  const [users, currents, history, attendances, serviceLogs, certificates, posted, held, offers, questions] = await Promise.all([
    byOwner<UserRecord>('users', { _id: openid }, 1),
    byOwner<CheckinRecord>('checkins', { _id: openid }, 1),
    byOwner<CheckinRecord>('checkin_history', { openid }),
    byOwner<AttendanceRecord>('attendances', { openid }),
    byOwner<ServiceLogRecord>('service_logs', { openid }, 1000),
    byOwner<CertificateRecord>('certificates', { openid }),
    byOwner<WishRecord>('wishes', { posterOpenid: openid }),
    byOwner<WishRecord>('wishes', { 'claim.holderKey': memberKey(openid) }),
    byOwner<OfferRecord>('wish_offers', { openid }),
    byOwner<QuestionRecord>('questions', { askerOpenid: openid }),
  ]);
  const user = users[0] ?? null;
  const community = user?.communityId ? ((await db.collection('communities').doc(user.communityId).get()) as { data: { name: string }[] }).data[0] : undefined;
  return {
    user,
    communityName: community?.name ?? null,
    current: currents[0] ?? null,
    history,
    attendances,
    serviceLogs,
    certificates,
    posted,
    held,
    offers,
    questions,
  };
}

/** The records in the shape the pure builder reads (src/domain/my-data.ts). */
export function toPersonalData(openid: string, r: PersonalRecords): PersonalData {
  const user = r.user;
  return {
    openid,
    user: user
      ? {
          communityName: r.communityName,
          member: user.member,
          grants: user.grants.map((g) => ({ role: g.role, scopeId: g.scopeId, scopeName: (g as { scopeName?: string }).scopeName })),
          createdAt: user.createdAt ?? null,
        }
      : null,
    checkins: [...(r.current ? [{ ...r.current, current: true }] : []), ...r.history.map((c) => ({ ...c, current: false }))].map((c) => ({
      communityName: c.communityName,
      status: c.status,
      reportedAt: c.reportedAt,
      distance: c.distance,
      accuracy: c.accuracy,
      point: c.point ?? null,
      current: c.current,
    })),
    attendances: r.attendances.map((a) => ({
      activityId: a.activityId,
      status: a.status,
      signedUpAt: a.signedUpAt,
      checkInAt: a.checkIn?.at ?? null,
      hours: a.hours,
      point: a.checkIn?.point ?? null,
    })),
    serviceLogs: r.serviceLogs.map((l) => ({ _id: l._id, title: l.title, serviceDate: l.serviceDate, hours: l.hours, status: l.status, communityName: l.communityName, evidence: l.evidence ?? [] })),
    certificates: r.certificates.map((c) => ({ _id: c._id, issuedOn: c.issuedOn, hours: c.hours, communityName: c.communityName })),
    wishesPosted: r.posted.map((w) => ({
      _id: w._id,
      title: w.title,
      status: w.status,
      createdAt: w.createdAt,
      photos: w.photos ?? [],
      communityName: w.communityName,
      contactReveals: (w.contactReveals ?? []).map((c) => ({ byLabel: c.byLabel, at: c.at })),
    })),
    wishesHeld: r.held.map((w) => ({
      _id: w._id,
      title: w.title,
      status: w.status,
      claimedAt: w.claim?.claimedAt ?? w.createdAt,
      deliveryPhotos: w.delivery?.photos ?? [],
      holderKind: w.claim?.kind ?? 'member',
    })),
    offers: r.offers.map((o) => ({ _id: o._id, ways: o.ways, note: o.note, createdAt: o.createdAt })),
    questions: r.questions.map((q) => ({
      _id: q._id,
      title: q.title,
      status: q.status,
      askedAt: q.askedAt,
      isPublic: q.isPublic,
      photos: q.photos ?? [],
      answered: Boolean(q.firstAnsweredAt),
    })),
  };
}

// ── 注销 ────────────────────────────────────────────────────────────────────────────────────────────────────────


/**
 * First step of 注销, before anything is read: the member's open-claims counter is set past every limit. A claim
 * takes the wish, then reserves a slot on this counter; so a claim that takes a wish after the withdrawal read
 * the person's claims cannot reserve its slot, and undoes itself. Nothing is left claimed by a withdrawn person.
 */
export async function blockClaims(openid: string, now: Date): Promise<void> {
  await database()
    .collection('wish_claimants')
    .doc(memberKey(openid))
    .set({ holderId: openid, open: WITHDRAWN_CLAIM_BLOCK, campaigns: {}, withdrawnAt: now });
}

/** A returning person starts fresh: the block of a former withdrawal goes. */
export async function unblockClaims(openid: string): Promise<void> {
  const db = database();
  await db.collection('wish_claimants').where({ _id: memberKey(openid), open: db.command.gte(WITHDRAWN_CLAIM_BLOCK) }).remove();
}

const detachEntries = (history: HistoryEntry[], openid: string, ghost: string) =>
  history.map((e) => (e.byOpenid === openid ? { ...e, byOpenid: ghost, byLabel: e.byLabel.startsWith('认领人') ? `认领人 ${WITHDRAWN_LABEL}` : WITHDRAWN_LABEL } : e));

/**
 * One wish, changed by `change(wish)` only if nobody changed it since it was read (its version); re-read and
 * re-decided up to three times when a staff action or a delivery raced it.
 */
async function updateWishGuarded(wish: WishRecord, change: (w: WishRecord) => Record<string, unknown> | null): Promise<void> {
  const db = database();
  let current: WishRecord | undefined = wish;
  for (let attempt = 0; attempt < 3 && current; attempt += 1) {
    const fields = change(current);
    if (!fields) return;
    const set = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v !== null && typeof v === 'object' && !(v instanceof Date) ? db.command.set(v) : v]));
    const { updated } = (await db.collection('wishes').where({ _id: current._id, version: current.version }).update({ ...set, version: current.version + 1 })) as { updated?: number };
    if (updated === 1) return;
    current = ((await db.collection('wishes').doc(current._id).get()) as { data: WishRecord[] }).data[0];
  }
  throw new Error(`wish ${wish._id} kept changing during withdrawal`);
}

export interface WithdrawalEffects {
  /** Photos to delete from storage (nobody but the person and staff could see them). */
  photos: string[];
}

/**
 * Detaches or resolves every record of the person (`records` read after `blockClaims`): ordered conditional
 * writes per document, and a transaction where one record moves to a new key. `ghost` is the new, unlinkable owner
 * of what the community keeps.
 */
export async function detachPersonalRecords(openid: string, ghost: string, r: PersonalRecords, now: Date, privatePhotos: Set<string>): Promise<WithdrawalEffects> {
  const db = database();
  const _ = db.command;
  const photos: string[] = [];
  const label = WITHDRAWN_LABEL;
  const entry = (event: 'release' | 'withdraw', from: WishRecord['status'], to: WishRecord['status']): HistoryEntry => ({
    event,
    from,
    to,
    byOpenid: ghost,
    byLabel: label,
    at: now,
    reason: '本人已注销',
  });

  // Open claims are released (the wish goes back on the wall); finished ones stay, detached.
  for (const wish of r.held) {
    await updateWishGuarded(wish, (w) => {
      if (w.claim?.holderKey !== memberKey(openid)) return null;
      if (w.status === 'claimed') {
        const { changes } = effectOf('release', { status: w.status, delivery: null, claimDeadline: null }, now);
        return { ...changes, history: [...detachEntries(w.history, openid, ghost), entry('release', 'claimed', 'published')], contactReveals: detachReveals(w, openid, ghost) };
      }
      return {
        claim: { ...w.claim, openid: ghost, holderKey: memberKey(ghost), helperName: label, helperDisplay: label, helperPhone: null },
        history: detachEntries(w.history, openid, ghost),
        contactReveals: detachReveals(w, openid, ghost),
      };
    });
  }

  // Posted wishes: open ones are withdrawn; the rest stay for the 公示 and the ledger, without name or contact.
  for (const wish of r.posted) {
    await updateWishGuarded(wish, (w) => {
      if (w.posterOpenid !== openid) return null;
      const open = w.status === 'submitted' || w.status === 'published';
      const keepPhotos = w.photos.filter((p) => !privatePhotos.has(p));
      photos.push(...w.photos.filter((p) => privatePhotos.has(p)));
      return {
        ...(open ? { ...effectOf('withdraw', { status: w.status, delivery: null, claimDeadline: null }, now).changes } : {}),
        posterOpenid: ghost,
        beneficiary: { name: label, phone: '' },
        photos: keepPhotos,
        history: [...detachEntries(w.history, openid, ghost), ...(open ? [entry('withdraw', w.status, 'withdrawn')] : [])],
      };
    });
  }

  // 报到: the current one moves to history under the new owner (withdrawn if it was still pending).
  if (r.current) {
    const current = r.current;
    await db.runTransaction(async (transaction: unknown) => {
      const t = transaction as Tx;
      const { data } = (await t.collection('checkins').doc(openid).get()) as unknown as { data: CheckinRecord | null };
      if (!data) return;
      const { _id, ...rest } = data;
      const status = data.status === 'pending' ? 'withdrawn' : data.status;
      await t.collection('checkin_history').add({
        ...rest,
        _id: `${ghost}_${new Date(current.reportedAt).getTime()}`,
        openid: ghost,
        memberName: label,
        status,
        endedAt: now,
        endReason: '本人已注销',
      });
      await t.collection('checkins').doc(_id).remove();
    });
  }
  await db.collection('checkin_history').where({ openid }).update({ openid: ghost, memberName: label });

  // Activities: sign-ups not yet started are cancelled; every attendance, and the log made from it, moves to a
  // key that names nobody (both keys are derived from the openid), in one transaction each.
  for (const a of r.attendances) {
    const newId = `${a.activityId}_${ghost}`;
    const moved = (await db.runTransaction(async (transaction: unknown) => {
      const t = transaction as Tx;
      const { data } = (await t.collection('attendances').doc(a._id).get()) as unknown as { data: AttendanceRecord | null };
      if (!data) return null;
      const { _id, ...rest } = data;
      let logId = data.logId;
      if (data.logId && data.logId.includes(openid)) {
        const { data: log } = (await t.collection('service_logs').doc(data.logId).get()) as unknown as { data: ServiceLogRecord | null };
        if (log) {
          const { _id: oldLogId, ...logRest } = log;
          logId = oldLogId.split(openid).join(ghost);
          await t.collection('service_logs').add({ ...logRest, _id: logId, attendanceId: newId });
          await t.collection('service_logs').doc(oldLogId).remove();
        }
      }
      await t.collection('attendances').add({ ...rest, _id: newId, logId, openid: ghost, memberName: label, status: data.status === 'signed_up' ? 'cancelled' : data.status });
      await t.collection('attendances').doc(_id).remove();
      return { from: data.logId, to: logId };
    })) as { from: string | null; to: string | null } | null;
    await db.collection('service_logs').where({ attendanceId: a._id }).update({ attendanceId: newId });
    if (moved?.from && moved.to && moved.from !== moved.to) {
      await db.collection('service_logs').where({ correctsLogId: moved.from }).update({ correctsLogId: moved.to });
      await db.collection('service_logs').where({ supersededBy: moved.from }).update({ supersededBy: moved.to });
    }
  }

  // Service logs: pending ones are withdrawn (with their evidence); confirmed hours stay under 已注销用户.
  for (const log of r.serviceLogs.filter((l) => l.status === 'pending')) {
    const { updated } = (await db.collection('service_logs').where({ _id: log._id, status: 'pending' }).update({ status: 'rejected', rejectReason: '本人已注销，记录已撤回', evidence: _.set([]) })) as { updated?: number };
    if (updated === 1) photos.push(...(log.evidence ?? []));
  }
  for (const log of r.serviceLogs.filter((l) => l.status === 'rejected')) photos.push(...(log.evidence ?? []).filter((p) => privatePhotos.has(p)));
  await db.collection('service_logs').where({ openid, status: 'rejected' }).update({ evidence: _.set([]) });
  const name = r.user?.member?.name;
  if (name) await db.collection('service_logs').where({ openid, recorder: name }).update({ recorder: label });
  await db.collection('service_logs').where({ openid }).update({ openid: ghost, memberName: label });
  await db.collection('service_summaries').doc(openid).remove();

  // Certificates keep answering verification, under 已注销用户.
  await db.collection('certificates').where({ openid }).update({ openid: ghost, memberName: label });

  // Questions: unanswered ones are withdrawn; answered ones stay, detached, without private photos.
  for (const q of r.questions) {
    if (!q.firstAnsweredAt) {
      const { deleted } = (await db.collection('questions').where({ _id: q._id, askerOpenid: openid, firstAnsweredAt: null }).remove()) as { deleted?: number };
      if (deleted === 1) {
        photos.push(...(q.photos ?? []));
        continue;
      }
    }
    const keep = (q.photos ?? []).filter((p) => !privatePhotos.has(p));
    photos.push(...(q.photos ?? []).filter((p) => privatePhotos.has(p)));
    await db.collection('questions').where({ _id: q._id, askerOpenid: openid }).update({ askerOpenid: ghost, askerName: label, photos: _.set(keep) });
  }

  await Promise.all([
    db.collection('wish_offers').where({ openid }).remove(),
    db.collection('post_counts').where({ openid }).remove(),
    db.collection('request_log').where({ openid }).remove(),
  ]);
  const { data: exports } = (await db.collection('data_exports').where({ openid }).limit(LIMIT).get()) as { data: { fileIds: string[] }[] };
  photos.push(...exports.flatMap((e) => e.fileIds));
  await db.collection('data_exports').where({ openid }).remove();

  // Last: the identity itself. Until here a failure can be retried by the person (they are still signed in).
  await db.collection('users').doc(openid).remove();
  return { photos };
}

function detachReveals(w: WishRecord, openid: string, ghost: string) {
  return (w.contactReveals ?? []).map((c) => (c.openid === openid ? { ...c, openid: ghost, byLabel: WITHDRAWN_LABEL } : c));
}
