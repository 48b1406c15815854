import { useState } from 'react';
import { View } from '@tarojs/components';
import type { WishEvent } from '@/domain/wish-machine';
import { NEEDS_REASON, WISH_EVENT_LABELS } from '@/domain/wish-machine';
import { DELIVERY_PHOTOS_MAX } from '@/domain/wish-rules';
import { wishActions, type WishDetailView } from '@/domain/wish.schema';
import { maxLengthOf } from '@/domain/validation';
import { AppButton } from '@/components/app-button';
import { BottomBar } from '@/components/bottom-bar';
import { Section } from '@/components/section';
import { FormField } from '@/components/form-field';
import { TextInput } from '@/components/text-input';
import { TextArea } from '@/components/text-area';
import { call } from '@/lib/cloud';
import { useAction } from '@/lib/use-action';
import { askToNotify } from '@/lib/subscribe-message';
import { confirmAction } from '@/lib/confirm';
import { PhotoPicker } from './photo-picker';

interface ActionButton {
  key: string;
  label: string;
  event: WishEvent;
  asUnit: boolean;
}

const DANGER: WishEvent[] = ['reject', 'cancel', 'release', 'revoke', 'withdraw'];

/** What each irreversible move will do, said before it is done (the dialog's content). */
const CONSEQUENCES: Partial<Record<WishEvent, string>> = {
  claim: '认领后由您负责完成这个心愿，请在期限内送达并上传照片；逾期未完成，认领会被释放。',
  cancel: '取消后心愿回到待认领，其他人可以认领。',
  release: '释放后认领人不再负责这个心愿，心愿回到待认领。',
  revoke: '撤销后心愿不再展示，也不能再被认领。',
  withdraw: '撤回后心愿不再展示，也不能再被认领。',
  confirm: '确认已收到后心愿销号，不能再修改。',
};

/** True when the move needs no confirmation or the person confirmed it. */
const confirmed = (event: WishEvent) =>
  CONSEQUENCES[event] ? confirmAction({ title: `${WISH_EVENT_LABELS[event]}？`, content: CONSEQUENCES[event] as string }) : Promise.resolve(true);

/**
 * The buttons the state machine offers this viewer (the server's `actions`), and the small forms some need:
 * a reason, or the delivery photo and note.
 */
export function WishActionBar({
  wish,
  onDone,
  onStale,
}: {
  wish: WishDetailView;
  onDone: (w: WishDetailView) => void;
  /** Someone else moved the wish first (e.g. 已被认领): reload so the page shows the truth and its buttons. */
  onStale: () => void;
}) {
  const [open, setOpen] = useState<WishEvent | null>(null);
  const [reason, setReason] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const { attempt, busy, errors, setErrors } = useAction({ fields: ['reason', 'photos', 'note'] });

  const run = async (send: () => Promise<WishDetailView>, done: string) => {
    const next = await attempt('wish', send, {
      done,
      onFail: (failure) => {
        if (failure.code !== 'CONFLICT') return;
        setOpen(null);
        onStale();
      },
    });
    if (!next) return;
    setOpen(null);
    setReason('');
    onDone(next);
  };

  const act = async (event: WishEvent, asUnit = false): Promise<void> => {
    if (!NEEDS_REASON.includes(event) && !(await confirmed(event))) return;
    if (event === 'claim') return run(() => call('wish', 'claim', { wishId: wish.id, asUnit }), '认领成功');
    if (event === 'approve') return run(() => call('wish', 'review', { wishId: wish.id, decision: 'approve' }), '已发布');
    if (event === 'confirm') return run(() => call('wish', 'move', { wishId: wish.id, event: 'confirm' }), '已确认收到，心愿销号');
    if (event === 'withdraw') return run(() => call('wish', 'move', { wishId: wish.id, event: 'withdraw' }), '已撤回');
    setOpen(event);
  };

  const submitOpen = async (): Promise<void> => {
    if (open === 'deliver') return run(() => call('wish', 'deliver', { wishId: wish.id, photos, note }), '已标记送达');
    if (!reason.trim()) return setErrors({ reason: '请填写原因' });
    if (open && !(await confirmed(open))) return;
    if (open === 'reject') return run(() => call('wish', 'review', { wishId: wish.id, decision: 'reject', reason }), '已驳回');
    if (open === 'cancel' || open === 'release' || open === 'revoke') return run(() => call('wish', 'move', { wishId: wish.id, event: open, reason }), '已处理');
  };

  const buttons = wish.actions.flatMap((event): ActionButton[] => {
    if (event !== 'claim') return [{ key: event, label: WISH_EVENT_LABELS[event], event, asUnit: false }];
    const choices: ActionButton[] = [];
    if (wish.claimAs.includes('member')) choices.push({ key: 'claim', label: wish.proposedToViewer ? '接受匹配并认领' : '我来认领', event, asUnit: false });
    if (wish.claimAs.includes('unit')) choices.push({ key: 'claim-unit', label: '以单位名义认领', event, asUnit: true });
    return choices;
  });
  if (buttons.length === 0) return null;

  const needsForm = open === 'deliver' || (open !== null && NEEDS_REASON.includes(open));
  // A fragment: the bar's parent is then the page, so it stays at the bottom of the screen over the whole detail.
  return (
    <>
      {open && needsForm && (
        <Section title={WISH_EVENT_LABELS[open]} className="wish-detail__form">
          {open === 'deliver' ? (
            <View className="e2e-deliver-form">
              <FormField name="photos" label="送达照片" required hint={`最多 ${DELIVERY_PHOTOS_MAX} 张`} error={errors.photos}>
                <PhotoPicker hook="deliver-photo" value={photos} onChange={setPhotos} max={DELIVERY_PHOTOS_MAX} />
              </FormField>
              <FormField name="note" label="送达说明" required error={errors.note}>
                <TextArea className="e2e-input-note" value={note} onChange={setNote} limit={maxLengthOf(wishActions.deliver.shape.note)} placeholder="如：已将书包和文具送到孩子家中" />
              </FormField>
            </View>
          ) : (
            <FormField name="reason" label={`${WISH_EVENT_LABELS[open]}原因`} required error={errors.reason}>
              <TextInput className="e2e-input-reason" value={reason} onChange={setReason} limit={maxLengthOf(wishActions.move.shape.reason)} placeholder="请简要说明原因" />
            </FormField>
          )}
        </Section>
      )}
      {open ? (
        <BottomBar className="wish-detail__actions">
          <AppButton className="e2e-action-submit" type="primary" loading={busy} onClick={() => void submitOpen()}>
            提交{WISH_EVENT_LABELS[open]}
          </AppButton>
          <AppButton className="e2e-action-close" onClick={() => setOpen(null)}>
            取消
          </AppButton>
        </BottomBar>
      ) : (
        <BottomBar className="wish-detail__actions">
          {buttons.map((b) => (
            <AppButton
              key={b.key}
              className={`e2e-action-${b.key}`}
              type={DANGER.includes(b.event) ? 'default' : 'primary'}
              loading={busy}
              onClick={() => {
                // Before anything else in the tap: the claimant hears of the deadline and of a claim that ends. The
                // confirmation follows the subscription dialog, not over it.
                if (b.event === 'claim') void askToNotify(['wishClaimReminder', 'wishClaimEnded']).then(() => act(b.event, b.asUnit));
                else void act(b.event, b.asUnit);
              }}
            >
              {b.label}
            </AppButton>
          ))}
        </BottomBar>
      )}
    </>
  );
}
