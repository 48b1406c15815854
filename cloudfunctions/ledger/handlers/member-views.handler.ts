import { canExportTable, canReadCommunityLedger, canReadUnitLedger } from '../../../src/domain/ledger.policy';
import { ledgerViewActions, type ExportResult, type TablePage } from '../../../src/domain/ledger-views.schema';
import { defineAction } from '../../_shared/define-function';
import { ledgerWorkbook } from '../../_shared/excel';
import { uploadExport } from '../../_shared/storage';
import { CHECKIN_LEDGER_MAX_ROWS, checkinLedgerTable } from '../tables/checkin-ledger.table';
import { COMMUNITY_LEDGER_MAX_ROWS, communityLedgerTable } from '../tables/community-ledgers.table';
import { UNIT_ACTIVITIES_MAX_ROWS, unitActivitiesTable } from '../tables/unit-activities.table';
import { unitMembersTable } from '../tables/unit-members.table';

/** 一单一表: a page of the unit's members (the scope is the unit the admin holds). */
export const unitMembers = defineAction({
  schema: ledgerViewActions.unitMembers,
  access: 'user',
  authorize: canReadUnitLedger,
  async handler(input, ctx): Promise<TablePage> {
    const { table, hasMore } = await unitMembersTable(input, ctx.now());
    return { table, page: input.page ?? 1, hasMore };
  },
});

/** The community's 报到台账 over a range. */
export const checkinLedger = defineAction({
  schema: ledgerViewActions.checkinLedger,
  access: 'user',
  authorize: canReadCommunityLedger,
  async handler(input, ctx): Promise<TablePage> {
    const { table, hasMore } = await checkinLedgerTable(input, ctx.now());
    return { table, page: 1, hasMore };
  },
});

/** 服务纪实台账, 微心愿台账, 问题台账, and the unit's 四进四联 台账: the named ledger over a range, as the export builds it. */
export const ledgerTable = defineAction({
  schema: ledgerViewActions.ledgerTable,
  access: 'user',
  authorize: canExportTable,
  async handler(input, ctx): Promise<TablePage> {
    const now = ctx.now();
    const { table, hasMore } = input.table === 'unitActivities' ? await unitActivitiesTable(input, now) : await communityLedgerTable(input, now);
    return { table, page: 1, hasMore };
  },
});

/**
 * Any table as .xlsx: built by the same function as the list on screen (one place for rows, totals and
 * definitions), written to cloud storage under the caller's opaque folder, answered with a temporary URL.
 */
export const exportTable = defineAction({
  schema: ledgerViewActions.export,
  access: 'user',
  authorize: canExportTable,
  async handler(input, ctx): Promise<ExportResult> {
    const now = ctx.now();
    const { table } =
      input.table === 'unitMembers'
        ? await unitMembersTable(input, now, true)
        : input.table === 'checkinLedger'
          ? await checkinLedgerTable(input, now, CHECKIN_LEDGER_MAX_ROWS)
          : input.table === 'unitActivities'
            ? await unitActivitiesTable(input, now, UNIT_ACTIVITIES_MAX_ROWS)
            : await communityLedgerTable(input, now, COMMUNITY_LEDGER_MAX_ROWS);
    const content = await ledgerWorkbook(table);
    const { url } = await uploadExport(ctx.openid, `${input.table}.xlsx`, content);
    return { url, fileName: `${table.title}-${table.scopeName}.xlsx`, rows: table.rows.length, bytes: content.length };
  },
});
