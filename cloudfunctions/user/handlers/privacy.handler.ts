import { randomBytes } from 'node:crypto';
import { AppError, ErrorCode } from '../../../src/domain/errors';
import { buildMyData, myDataTable, privatePhotosOf, withdrawalPlan } from '../../../src/domain/my-data';
import { isSignedIn } from '../../../src/domain/policy';
import { privacyActions, WITHDRAW_CONFIRMATION, type ExportView, type MyDataView, type WithdrawPreview, type WithdrawResult } from '../../../src/domain/privacy.schema';
import { RETENTION } from '../../../src/domain/retention';
import { formatShanghaiDate } from '../../../src/domain/shanghai-time';
import { defineAction } from '../../_shared/define-function';
import { ledgerWorkbook } from '../../_shared/excel';
import { releaseExport, reserveExport, saveExportFiles } from '../../_shared/repositories/data-export.repository';
import { blockClaims, detachPersonalRecords, readPersonalRecords, toPersonalData } from '../../_shared/repositories/personal-data.repository';
import { deleteFiles, uploadExport } from '../../_shared/storage';

/** Only the person: every query is by the caller's own openid from the trusted context; there is no other input. */
export const myData = defineAction({
  schema: privacyActions.myData,
  access: 'user',
  authorize: isSignedIn,
  async handler(_input, ctx): Promise<MyDataView> {
    return buildMyData(toPersonalData(ctx.openid, await readPersonalRecords(ctx.openid)), ctx.now());
  },
});

/** The same view as files: JSON (complete) and .xlsx (readable), at an opaque path, once a day. */
export const exportMyData = defineAction({
  schema: privacyActions.exportMyData,
  access: 'user',
  authorize: isSignedIn,
  async handler(_input, ctx): Promise<ExportView> {
    const now = ctx.now();
    const reservation = await reserveExport(ctx.openid, formatShanghaiDate(now), now);
    if (!reservation) throw new AppError(ErrorCode.RATE_LIMITED, '每天只能导出一次，今天已导出过，请明天再试');
    try {
      const view = buildMyData(toPersonalData(ctx.openid, await readPersonalRecords(ctx.openid)), now);
      // uploadExport puts the files under an opaque folder: a file id names nobody.
      const name = `我的信息-${formatShanghaiDate(now)}`;
      const [json, xlsx] = await Promise.all([
        uploadExport(ctx.openid, `${name}.json`, Buffer.from(JSON.stringify(view, null, 2), 'utf8')),
        uploadExport(ctx.openid, `${name}.xlsx`, await ledgerWorkbook(myDataTable(view))),
      ]);
      await saveExportFiles(reservation, [json.fileId, xlsx.fileId]);
      return { jsonUrl: json.url, readableUrl: xlsx.url, readableFormat: 'xlsx', expiresInDays: RETENTION.export.days ?? 7 };
    } catch (error) {
      await releaseExport(reservation);
      throw error;
    }
  },
});

export const withdrawPreview = defineAction({
  schema: privacyActions.withdrawPreview,
  access: 'user',
  authorize: isSignedIn,
  async handler(_input, ctx): Promise<WithdrawPreview> {
    return { lines: withdrawalPlan(toPersonalData(ctx.openid, await readPersonalRecords(ctx.openid))), confirmation: WITHDRAW_CONFIRMATION };
  },
});

/**
 * 注销. Claims are blocked first, then everything is read and resolved record by record (conditional writes,
 * transactions where a record changes key), and the identity goes last: a failure midway leaves the person
 * signed in and able to run it again, and a second run finishes what the first began.
 */
export const withdraw = defineAction({
  schema: privacyActions.withdraw,
  access: 'user',
  authorize: isSignedIn,
  async handler(_input, ctx): Promise<WithdrawResult> {
    const now = ctx.now();
    // Only members claim; a resident leaves no counter behind.
    if ((await ctx.user())?.member) await blockClaims(ctx.openid, now);
    const records = await readPersonalRecords(ctx.openid);
    const data = toPersonalData(ctx.openid, records);
    const lines = withdrawalPlan(data);
    const ghost = `withdrawn-${randomBytes(12).toString('hex')}`;
    const { photos } = await detachPersonalRecords(ctx.openid, ghost, records, now, new Set(privatePhotosOf(data)));
    await deleteFiles([...new Set(photos)]);
    return { done: true, lines };
  },
});
