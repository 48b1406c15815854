import { wishActions, type LedgerRow, type WallView, type WishCardView } from '../../../src/domain/wish.schema';
import { defineAction } from '../../_shared/define-function';
import { ledgerCounts, type LedgerCounts } from '../../_shared/repositories/wish-ledger.repository';
import { listClosed, listWall } from '../../_shared/repositories/wish.repository';
import { photoUrlsFor, toCard } from '../wish-view';

const toLedgerRow = (c: LedgerCounts): LedgerRow => ({ ...c, onTimeShare: c.closed > 0 ? c.closedOnTime / c.closed : null });

/** The public wish wall (no login): open wishes, masked, with the ledger counts. Two round trips. */
export const wall = defineAction({
  schema: wishActions.wall,
  access: 'public',
  async handler(input, ctx): Promise<WallView> {
    const [page, ledger] = await Promise.all([listWall(input, ctx.now(), input.page), ledgerCounts(input.communityId)]);
    const urls = await photoUrlsFor(page.items, { openid: ctx.openid, isStaff: false });
    return { items: page.items.map((w) => toCard(w, urls)), hasMore: page.hasMore, ledger: ledger.map(toLedgerRow) };
  },
});

/** 公示: wishes closed out (销号), with the delivery photo and who helped. */
export const publicity = defineAction({
  schema: wishActions.publicity,
  access: 'public',
  async handler(input, ctx): Promise<{ items: WishCardView[]; hasMore: boolean }> {
    const page = await listClosed(input.communityId, input.page);
    const urls = await photoUrlsFor(page.items, { openid: ctx.openid, isStaff: false });
    return { items: page.items.map((w) => toCard(w, urls)), hasMore: page.hasMore };
  },
});
