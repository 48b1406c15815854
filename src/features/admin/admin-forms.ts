/** The admin console's forms: text values → each action's input, checked with the action's schema (minus requestId). */
import { ROLE_SCOPE_TYPES, type GrantableRole, type ScopeType } from '@/domain/roles';
import { userActions } from '@/domain/user.schema';
import { numberField } from '@/lib/field-errors';

export const communityFormSchema = userActions.createCommunity.omit({ requestId: true });
export const COMMUNITY_FIELDS = ['name', 'district', 'street', 'streetId', 'address', 'latitude', 'longitude', 'radius'] as const;
export type CommunityFormValues = Record<(typeof COMMUNITY_FIELDS)[number], string>;

export const emptyCommunityForm = (): CommunityFormValues => ({
  name: '',
  district: '',
  street: '',
  streetId: '',
  address: '',
  latitude: '',
  longitude: '',
  radius: '500',
});

export function communityInput(v: CommunityFormValues): Record<string, unknown> {
  return {
    name: v.name,
    district: v.district,
    street: v.street,
    streetId: v.streetId.trim(),
    address: v.address,
    latitude: numberField(v.latitude),
    longitude: numberField(v.longitude),
    radius: numberField(v.radius),
  };
}

export const unitFormSchema = userActions.createUnit.omit({ requestId: true });
export const UNIT_FIELDS = ['name'] as const;
export type UnitFormValues = { name: string };

export const grantFormSchema = userActions.grantRole;
export const GRANT_FIELDS = ['openid', 'role', 'scopeType', 'scopeId'] as const;
export type GrantFormValues = { openid: string; role: string; scopeType: string; scopeId: string };

export const emptyGrantForm = (): GrantFormValues => ({ openid: '', role: '', scopeType: '', scopeId: '' });

/** The scope kinds a role may carry; a role that allows one kind only preselects it. */
export const scopeTypesFor = (role: string): readonly ScopeType[] => ROLE_SCOPE_TYPES[role as GrantableRole] ?? [];

export const GLOBAL_SCOPE_ID = 'global';

/** After the role changes: keep the scope if it still fits, else preselect the only fitting kind. */
export function withRole(values: GrantFormValues, role: string): GrantFormValues {
  const allowed = scopeTypesFor(role);
  const scopeType = allowed.includes(values.scopeType as ScopeType) ? values.scopeType : (allowed[0] ?? '');
  return withScopeType({ ...values, role }, scopeType);
}

export function withScopeType(values: GrantFormValues, scopeType: string): GrantFormValues {
  if (scopeType === values.scopeType) return { ...values, scopeType };
  return { ...values, scopeType, scopeId: scopeType === 'global' ? GLOBAL_SCOPE_ID : '' };
}

export const grantInput = (v: GrantFormValues) => ({
  openid: v.openid.trim(),
  role: v.role || undefined,
  scopeType: v.scopeType || undefined,
  scopeId: v.scopeId.trim(),
});

export const SCOPE_TYPE_LABELS: Record<ScopeType, string> = {
  community: '社区',
  street: '街道',
  unit: '单位',
  organisation: '党组织',
  global: '全局',
};

/**
 * The 放假调休 table as an admin types it from the notice: one holiday a line (「元旦 2027-01-01 2027-01-03」, one date
 * for a single day) and one 调休上班 a line (「2027-02-20 春节」). A line that does not split so is passed on as it is,
 * so the schema names what is wrong with it.
 */
export const holidayFormSchema = userActions.enterHolidayTable;
export const HOLIDAY_FIELDS = ['table'] as const;
export type HolidayFormValues = { year: string; title: string; documentNumber: string; issuedOn: string; url: string; holidays: string; adjustedWorkdays: string };

export const emptyHolidayForm = (): HolidayFormValues => ({ year: '', title: '', documentNumber: '', issuedOn: '', url: '', holidays: '', adjustedWorkdays: '' });

const linesOf = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((parts) => parts[0] !== '');

export const holidayInput = (v: HolidayFormValues) => ({
  table: {
    year: numberField(v.year),
    source: { title: v.title.trim(), documentNumber: v.documentNumber.trim(), issuedOn: v.issuedOn.trim(), url: v.url.trim() },
    holidays: linesOf(v.holidays).map(([name = '', from = '', to]) => ({ name, from, to: to ?? from })),
    adjustedWorkdays: linesOf(v.adjustedWorkdays).map(([date = '', forName = '']) => ({ date, for: forName })),
  },
});
