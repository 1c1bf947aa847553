import { describe, expect, it } from 'vitest';
import { Limiter } from '../../src/pipeline/limiter.js';

const tick = () => new Promise<void>((r) => setTimeout(r, 1));

describe('Limiter', () => {
  it('never runs more than its limit at once, and drain waits for all', async () => {
    const limiter = new Limiter(3);
    let running = 0;
    let most = 0;
    let done = 0;
    for (let i = 0; i < 20; i++) {
      await limiter.add(async () => {
        most = Math.max(most, ++running);
        await tick();
        running--;
        done++;
      });
    }
    await limiter.drain();
    expect(most).toBe(3);
    expect(done).toBe(20);
  });

  it('a failed task fails drain (not the process), after the others finished', async () => {
    const limiter = new Limiter(2);
    let done = 0;
    await limiter.add(async () => {
      await tick();
      throw new Error('boom');
    });
    await limiter.add(async () => {
      await tick();
      done++;
    });
    await expect(limiter.drain()).rejects.toThrow('boom');
    expect(done).toBe(1);
  });
});
