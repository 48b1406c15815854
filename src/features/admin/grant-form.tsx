import { View } from '@tarojs/components';
import { GRANTABLE_ROLES, type RoleGrant, type ScopeType } from '@/domain/roles';
import type { CommunityView, UnitView } from '@/domain/user.schema';
import { useSchemaForm } from '@/lib/use-schema-form';
import { FORM_KEY } from '@/lib/field-errors';
import { FormField } from '@/components/form-field';
import { TextInput } from '@/components/text-input';
import { OptionPicker } from '@/components/option-picker';
import { AppButton } from '@/components/app-button';
import { toastInfo } from '@/components/toast';
import { roleLabel } from '@/lib/role-labels';
import {
  GRANT_FIELDS,
  SCOPE_TYPE_LABELS,
  emptyGrantForm,
  grantFormSchema,
  grantInput,
  scopeTypesFor,
  withRole,
  withScopeType,
  type GrantFormValues,
} from './admin-forms';
import { FormError } from './form-error';
import { call } from '@/lib/cloud';

export interface GrantFormProps {
  communities: CommunityView[];
  units: UnitView[];
  onGranted: (grant: RoleGrant) => void;
}

export function GrantForm({ communities, units, onGranted }: GrantFormProps) {
  const form = useSchemaForm({
    initial: emptyGrantForm,
    schema: grantFormSchema,
    toInput: grantInput,
    fields: GRANT_FIELDS,
    submit: (data) => call('user', 'grantRole', data),
    onDone: onGranted,
    onFail: toastInfo,
  });
  const v = form.values;
  const apply = (next: GrantFormValues) => (Object.keys(next) as (keyof GrantFormValues)[]).forEach((k) => next[k] !== v[k] && form.set(k, next[k]));

  const scopeOptions =
    v.scopeType === 'community'
      ? communities.map((c) => ({ value: c.id, label: `${c.name}（${c.id}）` }))
      : v.scopeType === 'unit'
        ? units.map((u) => ({ value: u.id, label: `${u.name}（${u.id}）` }))
        : [];

  return (
    <View className="e2e-admin-grant-form">
      <FormField name="grant-openid" label="用户 openid" required error={form.errors.openid}>
        <TextInput className="e2e-input-grant-openid" value={v.openid} placeholder="被授权人的 openid" maxLength={64} onChange={(x) => form.set('openid', x)} />
      </FormField>
      <FormField name="grant-role" label="角色" required error={form.errors.role}>
        <OptionPicker
          hook="grant-role"
          title="选择角色"
          options={GRANTABLE_ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
          value={v.role}
          onChange={(role) => apply(withRole(v, role))}
        />
      </FormField>
      <FormField name="grant-scopeType" label="范围类型" required error={form.errors.scopeType}>
        <OptionPicker
          hook="grant-scope-type"
          title="选择范围类型"
          placeholder={v.role ? '请选择' : '请先选择角色'}
          options={scopeTypesFor(v.role).map((t) => ({ value: t, label: SCOPE_TYPE_LABELS[t as ScopeType] }))}
          value={v.scopeType}
          onChange={(t) => apply(withScopeType(v, t))}
        />
      </FormField>
      <FormField name="grant-scopeId" label="范围" required error={form.errors.scopeId}>
        {v.scopeType === 'community' || v.scopeType === 'unit' ? (
          <OptionPicker
            hook="grant-scope"
            title={v.scopeType === 'community' ? '选择社区' : '选择单位'}
            options={scopeOptions}
            value={v.scopeId}
            onChange={(id) => form.set('scopeId', id)}
          />
        ) : (
          <TextInput
            className="e2e-input-grant-scopeId"
            value={v.scopeId}
            disabled={v.scopeType === 'global'}
            placeholder={v.scopeType === 'street' ? '街道编号' : '请先选择范围类型'}
            maxLength={64}
            onChange={(x) => form.set('scopeId', x)}
          />
        )}
      </FormField>
      <FormError message={form.errors[FORM_KEY]} hook="grant" />
      <View className="admin-form__actions">
        <AppButton className="e2e-submit-grant" type="primary" loading={form.submitting} onClick={() => void form.submit()}>
          授予角色
        </AppButton>
      </View>
    </View>
  );
}
