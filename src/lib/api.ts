/**
 * Every cloud function's contract by name, derived from its action table (cloudfunctions/<fn>/index.ts).
 * Type-only imports: Taro's babel drops them, so no server code reaches a bundle.
 */
import type { CheckinApi } from '../../cloudfunctions/checkin';
import type { LedgerApi } from '../../cloudfunctions/ledger';
import type { NoticeApi } from '../../cloudfunctions/notice';
import type { OrgApi } from '../../cloudfunctions/org';
import type { QaApi } from '../../cloudfunctions/qa';
import type { UserApi } from '../../cloudfunctions/user';
import type { WishApi } from '../../cloudfunctions/wish';

export interface Api {
  checkin: CheckinApi;
  ledger: LedgerApi;
  notice: NoticeApi;
  org: OrgApi;
  qa: QaApi;
  user: UserApi;
  wish: WishApi;
}

export type FunctionName = keyof Api;
export type ActionName<F extends FunctionName> = keyof Api[F] & string;
export type InputOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { input: infer I } ? I : never;
export type OutputOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { output: infer O } ? O : never;
/** The payload argument: optional when the action needs no field. */
export type PayloadArgs<F extends FunctionName, A extends ActionName<F>> =
  Record<string, never> extends InputOf<F, A> ? [payload?: InputOf<F, A>] : [payload: InputOf<F, A>];
