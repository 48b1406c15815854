import { useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { SKILLS, userActions, type MemberProfileView, type UnitView } from '@/domain/user.schema';
import { maxLengthOf } from '@/domain/validation';
import { toastMessage } from '@/lib/field-errors';
import { FORM_KEY, fieldErrorsFromServer, type FieldErrors } from '@/lib/field-errors';
import { requestIdFor, type PendingRequest } from '@/lib/request-id';
import { FormField } from '@/components/form-field';
import { TextInput } from '@/components/text-input';
import { OptionPicker } from '@/components/option-picker';
import { ChipSelect } from '@/components/chip-select';
import { BranchPicker } from './branch-picker';
import { AppButton } from '@/components/app-button';
import { toastInfo } from '@/components/toast';
import { MEMBER_FIELDS, formFromProfile, validateMemberForm, type MemberFormValues } from './member-form-model';
import './member-form.scss';
import { call } from '@/lib/cloud';

export interface MemberFormProps {
  units: UnitView[];
  profile: MemberProfileView | null;
  onSaved: (profile: MemberProfileView) => void;
}

/** 党员登记 / 编辑资料. Checks with the function's schema first, then shows the server's field messages the same way. */
export function MemberForm({ units, profile, onSaved }: MemberFormProps) {
  const [values, setValues] = useState<MemberFormValues>(() => formFromProfile(profile));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);
  const pending = useRef<PendingRequest | null>(null);

  const set = <K extends keyof MemberFormValues>(key: K, value: MemberFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    // A field's message goes once the person changes that field.
    setErrors((e) => {
      if (!e[key] && !e[FORM_KEY]) return e;
      const { [key]: _gone, [FORM_KEY]: _form, ...rest } = e;
      return rest;
    });
  };

  const submit = async () => {
    if (submitting) return;
    const checked = validateMemberForm(values);
    if (!checked.ok) {
      setErrors(checked.errors);
      toastInfo('请按提示修改后再提交');
      return;
    }
    setErrors({});
    pending.current = requestIdFor(pending.current, checked.data);
    setSubmitting(true);
    try {
      const saved = await call('user', 'registerMember', { ...checked.data, requestId: pending.current.requestId });
      pending.current = null;
      onSaved(saved);
    } catch (error) {
      const fieldErrors = fieldErrorsFromServer(error, MEMBER_FIELDS);
      if (fieldErrors) {
        setErrors(fieldErrors);
        toastInfo('请按提示修改后再提交');
      } else {
        toastInfo(toastMessage(error));
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className="member-form e2e-member-form">
      <FormField name="name" label="姓名" required error={errors.name}>
        <TextInput className="e2e-input-name" value={values.name} placeholder="请输入真实姓名" limit={maxLengthOf(userActions.registerMember.shape.name)} onChange={(v) => set('name', v)} />
      </FormField>
      <FormField name="phone" label="手机号" required error={errors.phone}>
        <TextInput className="e2e-input-phone" type="number" value={values.phone} placeholder="11 位手机号" maxLength={11} onChange={(v) => set('phone', v)} />
      </FormField>
      <FormField name="workUnitId" label="工作单位" required error={errors.workUnitId}>
        <OptionPicker
          hook="unit"
          title="选择工作单位"
          placeholder="请选择工作单位"
          emptyText="暂无单位，请联系管理员添加"
          options={units.map((u) => ({ value: u.id, label: u.name }))}
          value={values.workUnitId}
          onChange={(v) => set('workUnitId', v)}
        />
      </FormField>
      <FormField name="branchId" label="所在党支部" required hint="按街道或单位逐级选择" error={errors.branchId}>
        <BranchPicker
          value={values.branchId ? { id: values.branchId, name: values.partyBranch } : null}
          onChange={(b) => {
            set('branchId', b.id);
            set('partyBranch', b.name);
          }}
        />
      </FormField>
      <FormField name="skills" label="特长" hint="可多选，最多 5 项" error={errors.skills}>
        <ChipSelect hook="skill" options={SKILLS} value={values.skills} max={5} onLimit={() => toastInfo('特长最多选 5 项')} onChange={(v) => set('skills', v)} />
      </FormField>
      {errors[FORM_KEY] && <Text className="member-form__form-error field-error e2e-error-form">{errors[FORM_KEY]}</Text>}
      <View className="member-form__actions">
        <AppButton className="e2e-submit-register" type="primary" block loading={submitting} onClick={() => void submit()}>
          {profile ? '保存资料' : '提交登记'}
        </AppButton>
      </View>
    </View>
  );
}
