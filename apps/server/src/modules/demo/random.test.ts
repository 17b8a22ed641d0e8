import { describe, it, expect } from 'vitest';
import { apportion, createRng, exactSelector } from './random.ts';

describe('createRng', () => {
  it('repeats itself for the same seed and differs for another', () => {
    const draw = (seed: string) => Array.from({ length: 20 }, createRng(seed).next);
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
  });

  it('forks streams that do not depend on how much the parent was used', () => {
    const a = createRng('s');
    const b = createRng('s');
    b.next();
    b.next();
    expect(a.fork('x').next()).toBe(b.fork('x').next());
  });

  it('keeps int within its inclusive bounds', () => {
    const rng = createRng('bounds');
    const seen = new Set(Array.from({ length: 2000 }, () => rng.int(1, 3)));
    expect([...seen].sort()).toEqual([1, 2, 3]);
  });
});

describe('apportion', () => {
  it('always sums to the total and follows the weights', () => {
    const parts = apportion(2283, [1, 2, 3, 0.5, 7]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(2283);
    expect(parts[4]!).toBeGreaterThan(parts[2]!);
  });

  it('honours a minimum per part', () => {
    const parts = apportion(160, [100, 0.001, 0.001], 1);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(160);
    expect(Math.min(...parts)).toBe(1);
  });
});

describe('exactSelector', () => {
  it('selects exactly the wanted number while streaming', () => {
    const selector = exactSelector(createRng('sel'), 764, 2906);
    let chosen = 0;
    for (let i = 0; i < 2906; i++) if (selector.take()) chosen++;
    expect(chosen).toBe(764);
  });
});
