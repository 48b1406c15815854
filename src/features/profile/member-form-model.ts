/** The 党员登记 form's values and checks: pure, validated with the function's own schema. */
import { memberProfileInput, type MemberProfileInput, type MemberProfileView } from '@/domain/user.schema';
import { validateWith, type Validation } from '@/lib/field-errors';

export const MEMBER_FIELDS = ['name', 'phone', 'workUnitId', 'partyBranch', 'skills'] as const;

export interface MemberFormValues {
  name: string;
  phone: string;
  workUnitId: string;
  partyBranch: string;
  skills: string[];
}

export const emptyMemberForm = (): MemberFormValues => ({ name: '', phone: '', workUnitId: '', partyBranch: '', skills: [] });

export function formFromProfile(profile: MemberProfileView | null | undefined): MemberFormValues {
  if (!profile) return emptyMemberForm();
  return {
    name: profile.name,
    // A masked number (never expected for one's own profile) is not worth prefilling.
    phone: profile.phone.includes('*') ? '' : profile.phone,
    workUnitId: profile.workUnitId,
    partyBranch: profile.partyBranch,
    skills: [...profile.skills],
  };
}

export function validateMemberForm(values: MemberFormValues): Validation<MemberProfileInput> {
  const result = validateWith(memberProfileInput, values, MEMBER_FIELDS);
  // The schema only knows "格式不正确" for an id; for a picker that was never touched, say what to do.
  if (!result.ok && values.workUnitId === '' && result.errors.workUnitId) {
    return { ok: false, errors: { ...result.errors, workUnitId: '请选择工作单位' } };
  }
  return result;
}
