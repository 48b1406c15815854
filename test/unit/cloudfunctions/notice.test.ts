const mockSend = jest.fn(async (_message: unknown) => ({ sent: true, errcode: 0 }));
jest.mock('../../../cloudfunctions/_shared/subscribe-message', () => ({ sendSubscribeMessage: (message: unknown) => mockSend(message) }));

import { reportMissingTemplates, sendNotice } from '../../../cloudfunctions/_shared/notice';

const savedEnv = { ...process.env };
afterEach(() => {
  process.env = { ...savedEnv };
  jest.restoreAllMocks();
  mockSend.mockClear();
});

const notice = { touser: 'o-asker', page: 'pages/question-detail/index?id=q1', data: { thing1: '问题', thing2: '答复', time3: '2025-01-01 10:00' } };

describe('notices with deployment template ids', () => {
  it('sends with the id the deployment configured', async () => {
    process.env.TARO_APP_TPL_QUESTION_ANSWERED = 'tpl-real-id';
    expect(await sendNotice('questionAnswered', notice)).toEqual({ sent: true, errcode: 0 });
    expect(mockSend).toHaveBeenCalledWith({ ...notice, templateId: 'tpl-real-id' });
  });

  it.each([['unset', undefined], ['empty', ' '], ['left as the deploy placeholder', '{{env.TARO_APP_TPL_QUESTION_ANSWERED}}']])(
    'skips the send when the id is %s, never sending a placeholder',
    async (_name, value) => {
      if (value === undefined) delete process.env.TARO_APP_TPL_QUESTION_ANSWERED;
      else process.env.TARO_APP_TPL_QUESTION_ANSWERED = value;
      expect(await sendNotice('questionAnswered', notice)).toEqual({ sent: false, errcode: -1 });
      expect(mockSend).not.toHaveBeenCalled();
    },
  );

  it('names every missing setting in one error at start-up', () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    process.env.TARO_APP_TPL_CHECKIN_REVIEWED = 'tpl-checkin';
    delete process.env.TARO_APP_TPL_SERVICE_LOG_REVIEWED;
    expect(reportMissingTemplates('checkin', ['checkinReviewed', 'serviceLogReviewed'])).toEqual(['serviceLogReviewed']);
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0][0]).toMatch(/^\[checkin\] .*TARO_APP_TPL_SERVICE_LOG_REVIEWED$/);
    process.env.TARO_APP_TPL_SERVICE_LOG_REVIEWED = 'tpl-log';
    expect(reportMissingTemplates('checkin', ['checkinReviewed', 'serviceLogReviewed'])).toEqual([]);
    expect(error).toHaveBeenCalledTimes(1);
  });
});
