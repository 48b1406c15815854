import { callFunction } from '@/lib/cloud';
import type { MemberProfileInput, MemberProfileView, UnitView } from '@/domain/user.schema';

export const listUnits = () => callFunction<{ items: UnitView[] }>('user', 'listUnits', {}).then((r) => r.items);

export const registerMember = (input: MemberProfileInput, requestId: string) =>
  callFunction<MemberProfileView>('user', 'registerMember', { ...input, requestId });
