import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ALLOWED_PARENTS, ORG_TYPE_LABELS, ORG_TYPES, type OrgType } from '@/domain/organisation';
import { orgActions, type OrgSummary } from '@/domain/organisation.schema';
import type { PersonMatch } from '@/domain/user.schema';
import { maxLengthOf } from '@/domain/validation';
import { AppButton } from '@/components/app-button';
import { FormField } from '@/components/form-field';
import { ListCell } from '@/components/list-cell';
import { OptionPicker } from '@/components/option-picker';
import { AsyncView } from '@/components/state-views';
import { TextInput } from '@/components/text-input';
import { call } from '@/lib/cloud';
import { confirmAction } from '@/lib/confirm';
import { newRequestId } from '@/lib/request-id';
import { useAction } from '@/lib/use-action';
import { useAsync } from '@/lib/use-async';

const NAME_LIMIT = maxLengthOf(orgActions.rename.shape.name);
const ACTION_LABELS = { add: '新建', rename: '改名', move: '移动', merge: '合并', setPeople: '设置书记/联系人', remove: '删除' } as const;

/** One level of the tree; a row expands into its children, and selecting it opens the node's panel. */
function Level({ parentId, depth, selected, onSelect, seen, version }: { parentId: string | null; depth: number; selected: string | null; onSelect: (o: OrgSummary) => void; seen: (items: OrgSummary[]) => void; version: number }) {
  const { state, reload } = useAsync(async () => {
    const r = await call('org', 'children', { parentId });
    seen(r.items);
    return r;
  }, [parentId, version]);
  const [open, setOpen] = useState<string[]>([]);
  return (
    <AsyncView state={state} onRetry={() => void reload()}>
      {(d) => (
        <>
          {d.items.map((o) => (
            <View key={o.id}>
              <ListCell
                className={`e2e-org-node e2e-org-node-${o.id}`}
                title={`${'　'.repeat(depth)}${o.type === 'branch' ? '' : open.includes(o.id) ? '▾ ' : '▸ '}${o.name}`}
                description={`${'　'.repeat(depth)}${o.typeLabel}`}
                extra={selected === o.id ? '已选中' : '选择'}
                onClick={() => {
                  onSelect(o);
                  if (o.type !== 'branch') setOpen((p) => (p.includes(o.id) ? p.filter((x) => x !== o.id) : [...p, o.id]));
                }}
              />
              {open.includes(o.id) && <Level parentId={o.id} depth={depth + 1} selected={selected} onSelect={onSelect} seen={seen} version={version} />}
            </View>
          ))}
        </>
      )}
    </AsyncView>
  );
}

/** 书记 or 联系人: found by name or the phone's last four digits, never by typing an openid. */
function PersonPicker({ label, hook, onPick }: { label: string; hook: string; onPick: (p: PersonMatch) => void }) {
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<PersonMatch[] | null>(null);
  const people = useAction({ fields: ['query'] });
  return (
    <FormField name={`${hook}-query`} label={label} hint="输入姓名或手机号后四位查找" error={people.errors.query}>
      <TextInput className={`e2e-input-${hook}-query`} value={query} limit={20} onChange={setQuery} />
      <AppButton className={`e2e-${hook}-find`} size="small" loading={people.busy} onClick={() => void people.run('user', 'searchPeople', { query }).then((r) => r && setMatches(r.items))}>
        查找
      </AppButton>
      {matches?.length === 0 && <Text>没有找到，请换个姓名或手机号后四位</Text>}
      {matches?.map((p) => (
        <ListCell key={p.openid} className={`e2e-${hook}-match`} title={p.name} description={`${p.workUnitName} ${p.phone}`} extra="选这位" onClick={() => onPick(p)} />
      ))}
    </FormField>
  );
}

/** The panel of the selected node: rename, people, move, merge, add a child, history. */
function NodePanel({ node, known, onChanged }: { node: OrgSummary; known: OrgSummary[]; onChanged: (message: string) => void }) {
  const [name, setName] = useState(node.name);
  const [parentId, setParentId] = useState('');
  const [targetId, setTargetId] = useState('');
  const [childType, setChildType] = useState<OrgType | ''>('');
  const [childName, setChildName] = useState('');
  const [requestId, setRequestId] = useState(newRequestId);
  const [secretary, setSecretary] = useState<PersonMatch | null>(null);
  const [contact, setContact] = useState<PersonMatch | null>(null);
  const history = useAsync(() => call('org', 'history', { orgId: node.id }), [node.id]);
  const { run, running, errors } = useAction({ fields: ['name', 'parentId', 'targetId', 'type', 'secretaryOpenid', 'contactOpenid'] });
  const others = known.filter((o) => o.id !== node.id);
  const parents = others.filter((o) => ALLOWED_PARENTS[node.type].includes(o.type));
  const childTypes = ORG_TYPES.filter((t) => ALLOWED_PARENTS[t].includes(node.type));
  const done = (message: string) => {
    onChanged(message);
    void history.reload();
  };
  const merge = async () => {
    const target = others.find((o) => o.id === targetId);
    if (!target || !(await confirmAction({ title: '合并组织', content: `「${node.name}」的党员和承诺将并入「${target.name}」，原组织标记为已合并，不能撤销。`, confirmText: '合并' }))) return;
    if (await run('org', 'merge', { orgId: node.id, targetId }, { key: 'merge' })) done(`已将「${node.name}」合并到「${target.name}」`);
  };
  return (
    <View className="e2e-org-panel">
      <Text className="admin-console__result">{`已选中：${node.name}（${node.typeLabel}）`}</Text>
      <FormField name="name" label="组织名称" error={errors.name}>
        <TextInput className="e2e-input-org-name" value={name} limit={NAME_LIMIT} onChange={setName} />
      </FormField>
      <AppButton className="e2e-org-rename" loading={running === 'rename'} onClick={() => void run('org', 'rename', { orgId: node.id, name }, { key: 'rename' }).then((r) => r && done(`已改名为「${r.name}」`))}>
        保存名称
      </AppButton>

      <PersonPicker label="书记" hook="secretary" onPick={setSecretary} />
      <PersonPicker label="联系人" hook="contact" onPick={setContact} />
      {(errors.secretaryOpenid || errors.contactOpenid) && <Text className="field-error">{errors.secretaryOpenid ?? errors.contactOpenid}</Text>}
      <AppButton
        className="e2e-org-set-people"
        disabled={!secretary && !contact}
        loading={running === 'people'}
        onClick={() =>
          void run('org', 'setPeople', { orgId: node.id, ...(secretary ? { secretaryOpenid: secretary.openid } : {}), ...(contact ? { contactOpenid: contact.openid } : {}) }, { key: 'people' }).then(
            (r) => r && done(`已设置${secretary ? `书记 ${secretary.name}` : ''}${contact ? ` 联系人 ${contact.name}` : ''}`),
          )
        }
      >
        {`保存：${secretary ? `书记 ${secretary.name}` : ''}${contact ? ` 联系人 ${contact.name}` : ''}` || '保存书记/联系人'}
      </AppButton>

      <FormField name="parentId" label="移动到" hint="只列出已展开的、类型允许的上级组织" error={errors.parentId}>
        <OptionPicker hook="org-move" title="选择新的上级组织" options={parents.map((o) => ({ value: o.id, label: `${o.name}（${o.typeLabel}）` }))} value={parentId} onChange={setParentId} emptyText="请先在上方展开可作为上级的组织" />
      </FormField>
      <AppButton className="e2e-org-move" disabled={!parentId} loading={running === 'move'} onClick={() => void run('org', 'move', { orgId: node.id, parentId }, { key: 'move' }).then((r) => r && done(`已移动「${node.name}」`))}>
        移动
      </AppButton>

      <FormField name="targetId" label="合并到" hint="同类型组织；合并后党员和承诺随之转入" error={errors.targetId}>
        <OptionPicker hook="org-merge" title="选择合并到的组织" options={others.filter((o) => o.type === node.type).map((o) => ({ value: o.id, label: o.name }))} value={targetId} onChange={setTargetId} emptyText="请先在上方展开同类型的组织" />
      </FormField>
      <AppButton className="e2e-org-merge" disabled={!targetId} loading={running === 'merge'} onClick={() => void merge()}>
        合并
      </AppButton>

      {childTypes.length > 0 && (
        <>
          <FormField name="type" label="新建下级组织" error={errors.type}>
            <OptionPicker hook="org-child-type" title="选择组织类型" options={childTypes.map((t) => ({ value: t, label: ORG_TYPE_LABELS[t] }))} value={childType} onChange={(v) => setChildType(v as OrgType)} />
            <TextInput className="e2e-input-org-child-name" value={childName} placeholder="下级组织名称" limit={NAME_LIMIT} onChange={setChildName} />
          </FormField>
          <AppButton
            className="e2e-org-add"
            disabled={!childType}
            loading={running === 'add'}
            onClick={() =>
              void run('org', 'add', { type: childType as OrgType, name: childName, parentId: node.id, requestId }, { key: 'add' }).then((r) => {
                if (!r) return;
                setRequestId(newRequestId());
                setChildName('');
                done(`已新建「${r.name}」`);
              })
            }
          >
            新建
          </AppButton>
        </>
      )}

      <Text className="admin-console__result">变更记录</Text>
      <AsyncView state={history.state} onRetry={() => void history.reload()}>
        {(d) => (
          <>
            {d.items.map((h, i) => (
              <ListCell key={h.at + String(i)} className="e2e-org-history" title={`${h.at.slice(0, 10)} ${ACTION_LABELS[h.action]}`} description={`${h.byName}${h.after?.name ? ` → ${String(h.after.name)}` : ''}`} />
            ))}
          </>
        )}
      </AsyncView>
    </View>
  );
}

/** 党组织 tab: the tree, expanded level by level, and the selected node's panel. */
export function OrgTree({ onChanged }: { onChanged: (message: string) => void }) {
  const [selected, setSelected] = useState<OrgSummary | null>(null);
  const [known, setKnown] = useState<OrgSummary[]>([]);
  const [version, setVersion] = useState(0);
  // The selected node as last read: a rename shows in its panel once the level is read again.
  const current = selected ? (known.find((o) => o.id === selected.id) ?? selected) : null;
  const seen = (items: OrgSummary[]) => setKnown((k) => [...k.filter((o) => !items.some((i) => i.id === o.id)), ...items]);
  return (
    <View className="e2e-org-tree">
      <Level parentId={null} depth={0} selected={selected?.id ?? null} onSelect={setSelected} seen={seen} version={version} />
      {current && (
        <NodePanel
          key={`${current.id}-${version}-${current.name}`}
          node={current}
          known={known}
          onChanged={(message) => {
            onChanged(message);
            setVersion((v) => v + 1);
          }}
        />
      )}
    </View>
  );
}
