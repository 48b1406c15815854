import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { WITHDRAW_CONFIRMATION, type WithdrawOutcome, type WithdrawPreview } from '@/domain/privacy.schema';
import { AppButton } from '@/components/app-button';
import { FormField } from '@/components/form-field';
import { Section } from '@/components/section';
import { TextInput } from '@/components/text-input';
import { confirmAction } from '@/lib/confirm';
import { useAction } from '@/lib/use-action';
import { ROUTES } from '@/routes';
import './privacy.scss';

const TAGS: Record<WithdrawOutcome, string> = { removed: '删除', kept: '保留', released: '释放', withdrawn: '撤回' };

/** 注销: first what will happen, item by item; then the typed confirmation; then one last confirmation. */
export function WithdrawPanel({ preview }: { preview: WithdrawPreview }) {
  const { run, busy, errors, clearError } = useAction({ fields: ['confirmation'] });
  const [typed, setTyped] = useState('');
  const submit = async () => {
    const sure = await confirmAction({ title: '注销账号', content: '注销后无法恢复，您的身份和联系方式将被删除。确定注销吗？', confirmText: '注销' });
    if (!sure) return;
    const result = await run('user', 'withdraw', { confirmation: typed }, { done: '账号已注销' });
    if (result) setTimeout(() => void Taro.reLaunch({ url: ROUTES.home }), 800);
  };
  return (
    <Section title="注销账号" className="e2e-withdraw-panel">
      <Text className="privacy-text">注销后将发生以下变化：</Text>
      {preview.lines.map((line) => (
        <Text key={line.text} className="withdraw-line e2e-withdraw-line">
          <Text className="withdraw-line__tag">【{TAGS[line.outcome]}】</Text>
          {line.text}
        </Text>
      ))}
      <FormField name="confirmation" label={`请输入「${preview.confirmation}」以确认`} error={errors.confirmation}>
        <TextInput
          className="e2e-input-confirmation"
          value={typed}
          maxLength={WITHDRAW_CONFIRMATION.length + 2}
          placeholder={WITHDRAW_CONFIRMATION}
          onChange={(v) => {
            setTyped(v);
            clearError('confirmation');
          }}
        />
      </FormField>
      <View className="form-actions">
        <AppButton className="e2e-withdraw-submit" type="primary" block loading={busy} disabled={typed.trim() !== WITHDRAW_CONFIRMATION} onClick={() => void submit()}>
          注销账号
        </AppButton>
      </View>
    </Section>
  );
}
