import { z } from 'zod';
import { HELP_WAYS } from './wish.schema';
import { idSchema, requestIdSchema, text } from './validation';

/** Matching: members and units offer help; league staff assign a wish to an offerer, who accepts by claiming it. */
export const offerActions = {
  offer: z
    .object({
      communityId: idSchema('社区'),
      ways: z.array(z.enum(HELP_WAYS, { error: '请从列表中选择帮扶方式' }), { error: '帮扶方式必须是列表' }).min(1, '请至少选择 1 种帮扶方式').max(6),
      note: text('说明', 100),
      asUnit: z.boolean({ error: '认领方式必须是是或否' }).default(false),
      requestId: requestIdSchema,
    })
    .strict(),
  listOffers: z.object({ communityId: idSchema('社区').optional() }).strict(),
  assign: z.object({ wishId: idSchema('心愿'), offerId: idSchema('意向') }).strict(),
  declineProposal: z.object({ wishId: idSchema('心愿') }).strict(),
} as const;

export interface OfferView {
  id: string;
  kind: 'member' | 'unit';
  /** Unit name or masked member name. */
  helper: string;
  communityId: string;
  ways: string[];
  note: string;
  status: 'open' | 'proposed' | 'matched';
  proposedWishId: string | null;
  createdAt: string;
}
