import type { PhotoMark } from './media-check';
import { z } from 'zod';
import { fileIdsSchema } from './files';
import { phoneSchema } from './user.schema';
import { idSchema, requestIdSchema, text } from './validation';
import { TRANSITIONS, type WishEvent, type WishRelation, type WishStatus } from './wish-machine';
import { DELIVERY_NOTE_MAX, DELIVERY_PHOTOS_MAX, REASON_MAX, WISH_PHOTOS_MAX, WISH_STORY_MAX, WISH_TITLE_MAX, WISH_VALUE_MAX } from './wish-rules';

export const WISH_CATEGORIES = ['生活物资', '学习用品', '就业创业', '技能培训', '情感陪伴', '心理援助', '医疗健康', '其他'] as const;
export type WishCategory = (typeof WISH_CATEGORIES)[number];

export const BENEFICIARY_TYPES = ['留守儿童', '贫困学生', '空巢老人', '低保对象', '残障人士', '困难职工', '其他居民'] as const;
export type BeneficiaryType = (typeof BENEFICIARY_TYPES)[number];

/** Ways to help (docs/domain.md §3); an offer names those it can give. */
export const HELP_WAYS = ['义务投劳', '自愿捐助', '购赠实物', '传授技能', '提供信息', '心理援助'] as const;

const wishIdSchema = idSchema('心愿');
const reasonSchema = text('原因', REASON_MAX);
const pageSchema = z.number({ error: '页码必须是数字' }).int('页码必须是整数').min(0, '页码不能小于 0').max(500, '页码过大').default(0);

export const wishValueSchema = z
  .number({ error: '请填写预估价值（元）' })
  .positive('预估价值应大于 0 元')
  .max(WISH_VALUE_MAX, `微心愿的预估价值不能超过 ${WISH_VALUE_MAX} 元`)
  .refine((v) => Math.round(v * 100) === v * 100, '预估价值最多保留两位小数');

export const postWishInput = z
  .object({
    title: text('心愿标题', WISH_TITLE_MAX),
    story: text('心愿描述', WISH_STORY_MAX),
    category: z.enum(WISH_CATEGORIES, { error: '请从列表中选择心愿类别' }),
    beneficiaryType: z.enum(BENEFICIARY_TYPES, { error: '请从列表中选择对象类型' }),
    value: wishValueSchema,
    photos: fileIdsSchema(WISH_PHOTOS_MAX).default([]),
    communityId: idSchema('社区'),
    beneficiaryName: text('心愿人姓名', 20, 2),
    beneficiaryPhone: phoneSchema,
    /** Staff posting for someone who cannot use a phone. */
    onBehalf: z.boolean({ error: '代发标记必须是是或否' }).default(false),
  })
  .strict();

const filters = {
  communityId: idSchema('社区').optional(),
  category: z.enum(WISH_CATEGORIES, { error: '请从列表中选择心愿类别' }).optional(),
  beneficiaryType: z.enum(BENEFICIARY_TYPES, { error: '请从列表中选择对象类型' }).optional(),
};

/** Moves that take only the wish and maybe a reason. */
export const SIMPLE_MOVES = ['withdraw', 'cancel', 'release', 'revoke', 'confirm'] as const satisfies readonly WishEvent[];

const scopeInput = z.object({ communityId: idSchema('社区').optional() }).strict();

export const wishActions = {
  post: postWishInput.extend({ requestId: requestIdSchema }).strict(),
  review: z
    .object({ wishId: wishIdSchema, decision: z.enum(['approve', 'reject'], { error: '审核结果只能是通过或驳回' }), reason: reasonSchema.optional() })
    .strict()
    .refine((v) => v.decision === 'approve' || v.reason !== undefined, { message: '驳回时请填写原因', path: ['reason'] }),
  wall: z.object({ ...filters, page: pageSchema }).strict(),
  publicity: z.object({ communityId: idSchema('社区').optional(), page: pageSchema }).strict(),
  detail: z.object({ wishId: wishIdSchema }).strict(),
  claim: z
    .object({
      wishId: wishIdSchema,
      /** A unit admin claiming for the unit (group claim). */
      asUnit: z.boolean({ error: '认领方式必须是是或否' }).default(false),
    })
    .strict(),
  deliver: z
    .object({
      wishId: wishIdSchema,
      photos: fileIdsSchema(DELIVERY_PHOTOS_MAX, '送达照片').min(1, '请上传至少 1 张送达照片'),
      note: text('送达说明', DELIVERY_NOTE_MAX),
    })
    .strict(),
  move: z
    .object({ wishId: wishIdSchema, event: z.enum(SIMPLE_MOVES, { error: '不支持的操作' }), reason: reasonSchema.optional() })
    .strict()
    .refine((v) => !TRANSITIONS[v.event].needsReason || v.reason !== undefined, { message: '请填写原因', path: ['reason'] }),
  mine: z.object({}).strict(),
  reviewQueue: scopeInput,
  chaseList: scopeInput,
  sendReminders: scopeInput,
} as const;

export type WallFilters = Pick<z.infer<typeof wishActions.wall>, 'communityId' | 'category' | 'beneficiaryType'>;

export interface HistoryEntryView {
  event: WishEvent | 'post';
  from: WishStatus | null;
  to: WishStatus;
  /** Masked, or the role, never an openid. */
  by: string;
  at: string;
  reason?: string;
}

/** What anyone may see of a wish: masked, no contact. */
export interface WishCardView {
  id: string;
  title: string;
  story: string;
  category: WishCategory;
  beneficiaryType: BeneficiaryType;
  beneficiaryName: string;
  value: number;
  communityId: string;
  communityName: string;
  status: WishStatus;
  publishAt: string;
  photoUrls: string[];
  campaign: { id: string; name: string; perPersonLimit: number } | null;
  /** Who helped: a unit name or a masked member name. */
  helper: string | null;
  closedAt: string | null;
  deliveryPhotoUrls: string[];
  /** Photos this viewer sees before WeChat's image check passed them (their own, or as staff): URL → mark. */
  photoMarks: Record<string, PhotoMark>;
}

export interface ClaimView {
  kind: 'member' | 'unit';
  helper: string;
  claimedAt: string;
  deadline: string;
  urgency: 'ok' | 'due-soon' | 'overdue';
  daysLeft: number;
}

/** A wish as one viewer sees it: contact only for the claimant, the poster and staff in scope. */
export interface WishDetailView extends WishCardView {
  relations: WishRelation[];
  actions: WishEvent[];
  contact: { name: string; phone: string } | null;
  claim: ClaimView | null;
  delivery: { note: string; at: string } | null;
  rejectReason: string | null;
  contentFlag: 'review' | null;
  history: HistoryEntryView[];
  /** Staff only (else null): each time a claimer was shown the beneficiary's contact, oldest first. */
  contactReveals: { by: string; at: string }[] | null;
  /** Staff proposed this wish to the viewer (matching): claiming accepts. */
  proposedToViewer: boolean;
  /** How this viewer may claim it, by the same policy the claim is checked with: for themselves, for their unit. Empty when `claim` is not among `actions`. */
  claimAs: ('member' | 'unit')[];
}

export interface LedgerRow {
  communityId: string;
  communityName: string;
  posted: number;
  claimed: number;
  closed: number;
  closedOnTime: number;
  /** closedOnTime / closed, 0–1; null when nothing is closed yet. */
  onTimeShare: number | null;
}

export interface WallView {
  items: WishCardView[];
  hasMore: boolean;
  ledger: LedgerRow[];
}

export interface StaffWishRow extends WishCardView {
  contact: { name: string; phone: string } | null;
  claim: (ClaimView & { helperContact: string | null; reminded: boolean }) | null;
  contentFlag: 'review' | null;
  createdAt: string;
}

export interface MyWishesView {
  posted: WishDetailView[];
  claims: WishDetailView[];
  proposals: WishDetailView[];
}
