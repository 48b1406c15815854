import fs from 'node:fs';
import path from 'node:path';
import { localTemplateEnv, localTemplateId, localTemplateKeys, NOTICE_KINDS, NOTICE_TEMPLATES } from '@/domain/notice-templates';

const ROOT = path.resolve(__dirname, '../../../..');

describe('notice templates', () => {
  it('gives every kind its own setting and local id', () => {
    expect(new Set(NOTICE_KINDS.map((k) => NOTICE_TEMPLATES[k].setting)).size).toBe(NOTICE_KINDS.length);
    expect(localTemplateId('wishClaimReminder')).toBe('local-wish-claim-reminder');
    expect(Object.keys(localTemplateKeys())).toEqual(NOTICE_KINDS.map(localTemplateId));
    expect(localTemplateEnv().TARO_APP_TPL_QUESTION_ANSWERED).toBe('local-question-answered');
  });

  it('hands each setting to a deployed function from the same deployment variable (cloudbaserc.json)', () => {
    const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'cloudbaserc.json'), 'utf8')) as { functions: { name: string; envVariables?: Record<string, string> }[] };
    const passed = config.functions.flatMap((f) => Object.entries(f.envVariables ?? {}).filter(([name]) => name.startsWith('TARO_APP_TPL_')));
    for (const [name, value] of passed) expect(value).toBe(`{{env.${name}}}`);
    expect(new Set(passed.map(([name]) => name))).toEqual(new Set(NOTICE_KINDS.map((k) => NOTICE_TEMPLATES[k].setting)));
  });
});
