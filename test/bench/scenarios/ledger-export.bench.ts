import { checkinValidUntil } from '../../../src/domain/checkin-term';
import { expectOk } from '../../helpers/local-platform';
import { insertDocs } from '../../fixtures/database';
import { HUBIN, STAFF } from '../../fixtures/personas';
import { exact, timing, type Scenario } from '../budget';

/**
 * The 报到台账 at its largest: 10 000 报到 in one community in a year, listed and exported to .xlsx (issue 16). The list
 * and the export cost the same round trips whatever the size; the bench reports the export's time and file size,
 * which must stay well inside the ledger function's 20 s timeout.
 */
const LEDGER_FUNCTION_TIMEOUT_MS = 20_000;

export const scenario: Scenario = {
  name: 'ledger-export',
  platform: { now: () => new Date('2026-12-30T09:00:00+08:00') },
  async run({ platform, quick }) {
    const rows = quick ? 1_000 : 10_000;
    const start = new Date('2026-01-01T08:00:00+08:00').getTime();
    // With the seed's one 报到 at 湖滨社区 the range holds exactly `rows` (the file's cap is 10 000).
    const docs = Array.from({ length: rows - 1 }, (_, i) => {
      const reportedAt = new Date(start + i * 3 * 60_000);
      return {
        _id: `bench-ck-${i}_${reportedAt.getTime()}`, openid: `bench-ck-${i}`, communityId: HUBIN.id, communityName: HUBIN.name,
        memberName: `党员${i}号`, workUnitId: 'u-city-organ', workUnitName: '南昌市直机关工委', partyBranch: '机关第一党支部',
        status: 'confirmed', reportedAt, validUntil: checkinValidUntil(reportedAt), distance: 30, accuracy: 20,
        point: { latitude: 28.68, longitude: 115.9 }, reviewedBy: STAFF, reviewedByName: '湖滨社区工作人员', reviewedAt: reportedAt,
        rejectReason: null, version: 1, endedAt: reportedAt, endReason: 'renewed',
      };
    });
    await insertDocs(platform, 'checkin_history', docs);
    const range = { communityId: HUBIN.id, from: '2026-01-01', to: '2026-12-30' };

    const list = await platform.call('ledger', STAFF, { action: 'checkinLedger', ...range });
    expectOk(list);
    const began = Date.now();
    const exported = await platform.call('ledger', STAFF, { action: 'export', table: 'checkinLedger', ...range });
    const elapsed = Date.now() - began;
    const file = expectOk(exported);
    return [
      exact('ledger-export.list', `round trips, ${rows} 报到`, await platform.roundTrips(list.invocationId), 'trips', 3),
      // The file reads on in pages of 1 000 (CloudBase's most per query): reported, not budgeted like a page.
      exact('ledger-export.export', `round trips, ${rows} rows`, await platform.roundTrips(exported.invocationId), 'trips'),
      exact('ledger-export.export', 'rows left out of the file', rows - file.rows, 'rows', 0),
      timing('ledger-export.export', `time, ${rows} rows (function timeout ${LEDGER_FUNCTION_TIMEOUT_MS / 1000} s)`, elapsed),
      timing('ledger-export.export', `file size, ${rows} rows`, Math.round(file.bytes / 1024), 'KB'),
    ];
  },
};
