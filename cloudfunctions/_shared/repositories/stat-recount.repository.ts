import { participantFacts, type RecountFact } from '../../../src/domain/stat-recount';
import { RATINGS } from '../../../src/domain/question.schema';
import { quarterOf } from '../../../src/domain/stat-period';
import { database } from '../sdk';

/**
 * Reads what the counters of one Shanghai month should be, from the records themselves (the nightly
 * reconciliation): aggregates over the month's range of each transition's own timestamp, grouped in the database.
 */
type Row = Record<string, unknown> & { _id: Record<string, unknown> };

async function aggregate(collection: string, build: (a: any) => any): Promise<Row[]> {
  const { data } = (await build(database().collection(collection).aggregate()).end()) as { data: Row[] };
  return data;
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
const num = (v: unknown) => Number(v ?? 0);

export async function recountMonth(month: string, start: Date, end: Date): Promise<RecountFact[]> {
  const _ = database().command;
  const inMonth = _.gte(start).and(_.lt(end));
  const facts: RecountFact[] = [];
  const push = (communityId: unknown, unitId: unknown, values: Record<string, number>) => facts.push({ period: month, communityId: str(communityId), unitId: str(unitId), values });

  // 微心愿: the transition entries of the month (post published at once, approve, claim, confirm = 销号).
  const wishRows = await aggregate('wishes', (a) =>
    a
      .match({ 'history.at': inMonth })
      .unwind('$history')
      .match({ 'history.at': inMonth, 'history.event': _.in(['post', 'approve', 'claim', 'confirm']) })
      .group({
        _id: { communityId: '$communityId', unitId: { $ifNull: ['$claim.unitId', '$claim.memberUnitId'] }, event: '$history.event', to: '$history.to' },
        n: { $sum: 1 },
        value: { $sum: '$value' },
        onTime: { $sum: '$ledger.closedOnTime' },
      }),
  );
  for (const r of wishRows) {
    const { communityId, unitId, event, to } = r._id;
    if (event === 'post' && to !== 'published') continue;
    if (event === 'post' || event === 'approve') push(communityId, null, { wishPosted: num(r.n) });
    if (event === 'claim') push(communityId, unitId, { wishClaimed: num(r.n) });
    if (event === 'confirm') push(communityId, unitId, { wishClosed: num(r.n), wishClosedOnTime: num(r.onTime), wishFunds: num(r.value) });
  }

  // 网络问政: asked, accepted, first answered (and on time) and escalated in the month.
  const questionCounts = async (field: string, extra: Record<string, unknown>) =>
    aggregate('questions', (a) =>
      a.match({ [field]: inMonth }).group({ _id: { communityId: '$communityId', handlerType: '$handler.type', handlerId: '$handler.id' }, n: { $sum: 1 }, ...extra }),
    );
  const unitOf = (id: Record<string, unknown>) => (id.handlerType === 'unit' ? id.handlerId : null);
  for (const r of await questionCounts('askedAt', {})) push(r._id.communityId, null, { qReceived: num(r.n) });
  for (const r of await questionCounts('acceptedAt', {})) push(r._id.communityId, unitOf(r._id), { qAccepted: num(r.n) });
  for (const r of await questionCounts('firstAnsweredAt', { onTime: { $sum: { $cond: ['$answeredOnTime', 1, 0] } } })) {
    push(r._id.communityId, unitOf(r._id), { qAnswered: num(r.n), qAnsweredOnTime: num(r.onTime), qOverdue: num(r.n) - num(r.onTime) });
  }
  for (const r of await questionCounts('escalatedAt', {})) push(r._id.communityId, unitOf(r._id), { qEscalated: num(r.n) });
  // The rating that closed the question (a first 不满意 reopens it and sets none), in the month it was given.
  const ratings = await aggregate('questions', (a) =>
    a
      .match({ closedAt: inMonth, rating: _.in([...RATINGS]) })
      .group({ _id: { communityId: '$communityId', handlerType: '$handler.type', handlerId: '$handler.id' }, n: { $sum: 1 }, unsatisfied: { $sum: { $cond: [{ $eq: ['$rating', '不满意'] }, 1, 0] } } }),
  );
  for (const r of ratings) push(r._id.communityId, unitOf(r._id), { qRated: num(r.n), qSatisfied: num(r.n) - num(r.unsatisfied), qUnsatisfied: num(r.unsatisfied) });
  // A unit received a question when it accepted its transfer (the community counted it when it was asked).
  const transfers = await aggregate('questions', (a) =>
    a
      .match({ 'thread.at': inMonth, 'thread.kind': 'transfer_accepted' })
      .unwind('$thread')
      .match({ 'thread.at': inMonth, 'thread.kind': 'transfer_accepted' })
      .group({ _id: { unitId: '$thread.unitId' }, n: { $sum: 1 } }),
  );
  for (const r of transfers) push(null, r._id.unitId, { qReceived: num(r.n) });

  // 报到: every 报到 reviewed in the month (current and filed ones), and which of them were confirmed.
  for (const collection of ['checkins', 'checkin_history']) {
    const reviewed = await aggregate(collection, (a) =>
      a.match({ reviewedAt: inMonth }).group({
        _id: { communityId: '$communityId', unitId: '$workUnitId' },
        n: { $sum: 1 },
        confirmed: { $sum: { $cond: [{ $eq: [{ $ifNull: ['$rejectReason', null] }, null] }, 1, 0] } },
      }),
    );
    for (const r of reviewed) push(r._id.communityId, r._id.unitId, { checkinReviewed: num(r.n), checkinConfirmed: num(r.confirmed) });
  }

  // 服务纪实: confirmed logs whose service date is in the month, counted for the member's unit (from their profile).
  const [y, m] = month.split('-');
  const serviceRows = await aggregate('service_logs', (a) =>
    a
      .match({ status: 'confirmed', serviceDate: _.gte(`${y}-${m}-01`).and(_.lte(`${y}-${m}-31`)) })
      .lookup({ from: 'users', localField: 'openid', foreignField: '_id', as: 'member' })
      .group({ _id: { communityId: '$communityId', unitId: { $first: '$member.member.workUnitId' } }, hours: { $sum: '$hours' }, n: { $sum: 1 } }),
  );
  for (const r of serviceRows) push(r._id.communityId, r._id.unitId, { serviceTenths: Math.round(num(r.hours) * 10), serviceConfirmed: num(r.n) });

  // 参与党员干部数: each member's earliest confirmed service of the quarter so far (src/domain/stat-recount.ts).
  const { year, quarter } = quarterOf(start);
  const qs = `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
  const members = await aggregate('service_logs', (a) =>
    a
      .match({ status: 'confirmed', serviceDate: _.gte(qs).and(_.lte(`${y}-${m}-31`)) })
      .lookup({ from: 'users', localField: 'openid', foreignField: '_id', as: 'member' })
      .group({ _id: { openid: '$openid', communityId: '$communityId', unitId: { $first: '$member.member.workUnitId' } }, firstDate: { $min: '$serviceDate' } }),
  );
  const rows = members.map((r) => ({ openid: String(r._id.openid), communityId: str(r._id.communityId), unitId: str(r._id.unitId), firstDate: String(r.firstDate) }));
  facts.push(...participantFacts(month, rows));
  return facts;
}
