import { inBatches } from '../../../cloudfunctions/_shared/batches';

describe('inBatches', () => {
  it('runs every item, never more than the batch size at once, each batch after the one before', async () => {
    let running = 0;
    let most = 0;
    const order: number[] = [];
    await inBatches(
      Array.from({ length: 23 }, (_, i) => i),
      async (i) => {
        running++;
        most = Math.max(most, running);
        // Later items of a batch finish first: the next batch must still wait for the slowest.
        await new Promise((r) => setTimeout(r, 10 - (i % 10)));
        order.push(i);
        running--;
      },
      10,
    );
    expect(most).toBe(10);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 23 }, (_, i) => i));
    expect(Math.max(...order.slice(0, 10))).toBe(9);
    expect(Math.max(...order.slice(10, 20))).toBe(19);
  });

  it('does nothing for no items', async () => {
    const work = jest.fn(async () => undefined);
    await inBatches([], work);
    expect(work).not.toHaveBeenCalled();
  });
});
