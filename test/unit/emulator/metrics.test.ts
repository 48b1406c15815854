import { Metrics, tagOfSeqId } from '../../../emulator/metrics';

describe('tagOfSeqId', () => {
  it('takes the invocation id before the SDK event id', () => {
    expect(tagOfSeqId('inv_abc123-18c2f_1a')).toBe('inv_abc123');
    expect(tagOfSeqId('inv-with-dashes-18c2f_1a')).toBe('inv-with-dashes');
  });

  it('has no tag when the SDK ran outside an invocation', () => {
    expect(tagOfSeqId('18c2f_1a')).toBeNull();
    expect(tagOfSeqId(undefined)).toBeNull();
  });
});

describe('Metrics', () => {
  it('counts database actions per tag and ignores other actions for round trips', () => {
    const m = new Metrics();
    m.record('database.getDocument', 'inv_1-a_1');
    m.record('database.insertDocument', 'inv_1-a_2');
    m.record('wx.api', 'inv_1-a_3');
    m.record('database.getDocument', 'inv_2-a_4');
    expect(m.forTag('inv_1')).toEqual({ tag: 'inv_1', databaseActions: 2, byAction: { 'database.getDocument': 1, 'database.insertDocument': 1 } });
    expect(m.forTag('inv_2').databaseActions).toBe(1);
    expect(m.summary().totalActions).toBe(4);
  });
});
