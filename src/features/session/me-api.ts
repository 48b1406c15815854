import { callFunction } from '@/lib/cloud';
import type { MeView } from '@/domain/user.schema';

export const fetchMe = () => callFunction<MeView>('user', 'me', {});
