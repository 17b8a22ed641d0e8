import { describe, expect, it } from 'vitest';
import { isValidMobile, isValidUscc, usccCheckChar } from './validators.ts';

describe('GB 32100 unified social credit code', () => {
  // Real registered codes (the GB 32100 worked example and published company codes).
  it.each(['91350100M000100Y43', '91110000100010433L', '914403001922038216', '91440300708461136T'])('accepts %s', (code) => {
    expect(isValidUscc(code)).toBe(true);
  });
  it('rejects a wrong check character', () => {
    expect(isValidUscc('91350100M000100Y4A')).toBe(false);
  });
  it('rejects letters outside the alphabet (I, O, Z, S, V) and wrong lengths', () => {
    expect(isValidUscc('91350100M000100I43')).toBe(false);
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
    expect(isValidUscc('91350100M000100Y433')).toBe(false);
  });
  it('computes a check character that validates for every 17-character prefix tried', () => {
    for (let n = 0; n < 500; n++) {
      const first17 = `9133010900${String(n * 7919).padStart(7, '0')}`;
      expect(isValidUscc(first17 + usccCheckChar(first17))).toBe(true);
    }
  });
});

describe('mobile numbers', () => {
  it.each([['13905710001', true], ['19900001234', true], ['12905710001', false], ['1390571000', false], ['139057100011', false], ['+8613905710001', false]])('%s → %s', (phone, ok) => {
    expect(isValidMobile(phone)).toBe(ok);
  });
});
