import { NOTICE_KINDS, NOTICE_TEMPLATES } from '@/domain/notice-templates';
import { templateEnv, templateSettingNames } from '../../../config/template-env';

describe('the build defines every template setting of the catalogue', () => {
  it('finds the same settings the catalogue declares', () => {
    expect(templateSettingNames()).toEqual(NOTICE_KINDS.map((kind) => NOTICE_TEMPLATES[kind].setting));
  });

  it('defines each one, empty when the deployment did not set it', () => {
    const env = templateEnv({ TARO_APP_TPL_QUESTION_ANSWERED: ' abc ' });
    expect(env.TARO_APP_TPL_QUESTION_ANSWERED).toBe('"abc"');
    expect(env.TARO_APP_TPL_WISH_DELIVERED).toBe('""');
    expect(Object.keys(env)).toHaveLength(NOTICE_KINDS.length);
  });
});
