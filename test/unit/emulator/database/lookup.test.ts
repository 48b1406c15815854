import { runPipeline } from '../../../../emulator/database/query-language';

/** The equality form of $lookup, as MongoDB answers it (mingo alone adds a null per unmatched array element). */
const counters = [
  { _id: 'm:alice', holderId: 'alice', open: 1 },
  { _id: 'u:unit-1', holderId: 'unit-1', open: 3 },
  { _id: 'orphan', open: 0 },
];
const lookup = (docs: Record<string, unknown>[]) =>
  runPipeline(docs, [{ $lookup: { from: 'counters', localField: 'ids', foreignField: 'holderId', as: 'found' } }], (name) => (name === 'counters' ? counters : []));

describe('$lookup with localField / foreignField', () => {
  it('matches any element of an array local field and adds nothing for the unmatched ones', () => {
    const [row] = lookup([{ _id: 'alice', ids: ['alice', 'unit-1', 'unit-9'] }]);
    expect(row.found).toEqual([counters[0], counters[1]]);
  });

  it('answers an empty array when nothing matches', () => {
    expect(lookup([{ _id: 'bob', ids: ['bob'] }])[0].found).toEqual([]);
  });

  it('treats a missing local field as null, which joins documents missing the foreign field', () => {
    expect(lookup([{ _id: 'nobody' }])[0].found).toEqual([counters[2]]);
  });

  it('runs the stages around it as before', () => {
    const out = runPipeline(
      [{ _id: 'alice', ids: ['alice'] }, { _id: 'bob', ids: ['bob'] }],
      [{ $match: { _id: 'alice' } }, { $lookup: { from: 'counters', localField: 'ids', foreignField: 'holderId', as: 'found' } }, { $project: { n: { $size: '$found' } } }],
      () => counters,
    );
    expect(out).toEqual([{ _id: 'alice', n: 1 }]);
  });
});
