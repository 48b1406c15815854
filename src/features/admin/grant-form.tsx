import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { GRANTABLE_ROLES, type RoleGrant, type ScopeType } from '@/domain/roles';
import type { CommunityView, PersonMatch, UnitView } from '@/domain/user.schema';
import { useSchemaForm } from '@/lib/use-schema-form';
import { FORM_KEY } from '@/lib/field-errors';
import { FormField } from '@/components/form-field';
import { TextInput } from '@/components/text-input';
import { OptionPicker } from '@/components/option-picker';
import { AppButton } from '@/components/app-button';
import { ListCell } from '@/components/list-cell';
import { useAction } from '@/lib/use-action';
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
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<PersonMatch[] | null>(null);
  const people = useAction({ fields: ['query'] });
  const find = async () => {
    const found = await people.run('user', 'searchPeople', { query });
    if (found) setMatches(found.items);
  };
  const apply = (next: GrantFormValues) => (Object.keys(next) as (keyof GrantFormValues)[]).forEach((k) => next[k] !== v[k] && form.set(k, next[k]));

  const scopeOptions =
    v.scopeType === 'community'
      ? communities.map((c) => ({ value: c.id, label: `${c.name}（${c.id}）` }))
      : v.scopeType === 'unit'
        ? units.map((u) => ({ value: u.id, label: `${u.name}（${u.id}）` }))
        : [];

  return (
    <View className="e2e-admin-grant-form">
      <FormField name="grant-openid" label="被授权人" required hint="按姓名或手机号后四位查找" error={form.errors.openid ?? people.errors.query}>
        <TextInput className="e2e-input-grant-person" value={query} placeholder="姓名或手机号后四位" maxLength={20} onChange={setQuery} />
        <AppButton className="e2e-search-person" size="small" loading={people.busy} onClick={() => void find()}>
          查找
        </AppButton>
        {matches?.length === 0 && <Text className="e2e-person-none">没有找到，请换个姓名或手机号后四位</Text>}
        {matches?.map((p) => (
          <ListCell
            key={p.openid}
            className={`e2e-person-match${p.openid === v.openid ? ' e2e-person-chosen' : ''}`}
            title={`${p.name}（${p.phone}）`}
            description={p.workUnitName}
            extra={p.openid === v.openid ? '已选' : '选择'}
            onClick={() => form.set('openid', p.openid)}
          />
        ))}
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
