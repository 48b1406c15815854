/** The 党员登记 form's values and checks: pure, validated with the function's own schema. */
import { memberProfileInput, type MemberProfileInput, type MemberProfileView } from '@/domain/user.schema';
import { validateWith, type FieldErrors, type Validation } from '@/lib/field-errors';

export const MEMBER_FIELDS = ['name', 'phone', 'workUnitId', 'branchId', 'skills'] as const;

export interface MemberFormValues {
  name: string;
  phone: string;
  workUnitId: string;
  /** The branch picked from the tree; `partyBranch` carries its name. Empty until picked. */
  branchId: string;
  partyBranch: string;
  skills: string[];
}

export const emptyMemberForm = (): MemberFormValues => ({ name: '', phone: '', workUnitId: '', branchId: '', partyBranch: '', skills: [] });

export function formFromProfile(profile: MemberProfileView | null | undefined): MemberFormValues {
  if (!profile) return emptyMemberForm();
  return {
    name: profile.name,
    // A masked number (never expected for one's own profile) is not worth prefilling.
    phone: profile.phone.includes('*') ? '' : profile.phone,
    workUnitId: profile.workUnitId,
    branchId: profile.branchId ?? '',
    partyBranch: profile.partyBranch,
    skills: [...profile.skills],
  };
}

export const PICK_BRANCH = '请从组织架构中选择所在党支部';

export function validateMemberForm(values: MemberFormValues): Validation<MemberProfileInput> {
  const { branchId, ...rest } = values;
  const result = validateWith(memberProfileInput, branchId ? values : rest, [...MEMBER_FIELDS, 'partyBranch']);
  // The branch is a picker: without a pick there is nothing to submit, whatever free text an old profile carried.
  const branchError = branchId ? (result.ok ? undefined : result.errors.branchId ?? result.errors.partyBranch) : PICK_BRANCH;
  if (result.ok && !branchError) return result;
  const { partyBranch: _text, ...errors }: FieldErrors = result.ok ? {} : result.errors;
  // The schema only knows "格式不正确" for an id; for a picker that was never touched, say what to do.
  if (values.workUnitId === '' && errors.workUnitId) errors.workUnitId = '请选择工作单位';
  if (branchError) errors.branchId = branchError;
  else delete errors.branchId;
  return { ok: false, errors };
}
