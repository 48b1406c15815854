import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { LIMIT_CHOICES, POST_KINDS, postKindLabel, type PostKind, type PostLimitsView } from '@/domain/post-limits';
import { useAction } from '@/lib/use-action';
import { confirmAction } from '@/lib/confirm';
import { FormField } from '@/components/form-field';
import { OptionPicker } from '@/components/option-picker';
import { AppButton } from '@/components/app-button';

/** Choices for one kind: the presets plus the value in force, so a stored odd value still shows. */
const choicesOf = (kind: PostKind, current: number) =>
  [...new Set([...LIMIT_CHOICES[kind], current])].sort((a, b) => a - b).map((n) => ({ value: String(n), label: String(n) }));

/** 发布上限: what one person may post per day, per kind; a refusal past it tells them to try again tomorrow. */
export function PostLimitsForm({ view, onSaved }: { view: PostLimitsView; onSaved: (view: PostLimitsView) => void }) {
  const [limits, setLimits] = useState(view.limits);
  const { run, busy, errors } = useAction({ fields: POST_KINDS });
  const save = async () => {
    if (!(await confirmAction({ title: '修改发布上限？', content: '新的上限约 1 分钟内对所有用户生效。', confirmText: '修改' }))) return;
    const saved = await run('user', 'setPostLimits', limits, { done: '已保存发布上限' });
    if (saved) onSaved(saved);
  };
  return (
    <View className="e2e-admin-post-limits">
      <Text className="admin-console__hint">每人每天可发布的数量。默认值远高于居民的正常使用，只用于挡住刷屏。</Text>
      {POST_KINDS.map((kind) => (
        <FormField key={kind} name={`limit-${kind}`} label={postKindLabel(kind)} hint={`默认 ${view.defaults[kind]}`} error={errors[kind]}>
          <OptionPicker
            title={postKindLabel(kind)}
            hook={`limit-${kind}`}
            options={choicesOf(kind, limits[kind])}
            value={String(limits[kind])}
            onChange={(v) => setLimits((l) => ({ ...l, [kind]: Number(v) }))}
          />
        </FormField>
      ))}
      <AppButton className="e2e-save-post-limits" type="primary" block loading={busy} onClick={() => void save()}>
        保存
      </AppButton>
    </View>
  );
}
