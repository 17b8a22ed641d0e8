import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  compareNoticeNumbers,
  formatNoticeNumber,
  formatYellowCardNumber,
  nextNoticeNumber,
  numberingYear,
  parseDocumentNumber,
  parseNoticeNumber,
  parseYellowCardNumber,
} from './numbering.ts';

describe('formatting', () => {
  it.each([
    [1, '瓜沥安改〔2026〕0001号'],
    [42, '瓜沥安改〔2026〕0042号'],
    [999, '瓜沥安改〔2026〕0999号'],
    [9999, '瓜沥安改〔2026〕9999号'],
    [10000, '瓜沥安改〔2026〕10000号'],
    [123456, '瓜沥安改〔2026〕123456号'],
  ])('seq %i → %s', (seq, text) => {
    expect(formatNoticeNumber({ townShortName: '瓜沥', year: 2026, seq })).toBe(text);
  });

  it('yellow cards use 黄牌', () => {
    expect(formatYellowCardNumber({ townShortName: '瓜沥', year: 2026, seq: 1 })).toBe('瓜沥黄牌〔2026〕0001号');
    expect(formatYellowCardNumber({ townShortName: '新塘', year: 2025, seq: 10001 })).toBe('新塘黄牌〔2025〕10001号');
  });

  it.each([
    ['empty town', { townShortName: '', year: 2026, seq: 1 }],
    ['town with a space', { townShortName: '瓜 沥', year: 2026, seq: 1 }],
    ['town with a bracket', { townShortName: '瓜沥〔', year: 2026, seq: 1 }],
    ['town with digits', { townShortName: '瓜沥2', year: 2026, seq: 1 }],
    ['town too long', { townShortName: '一二三四五六七八九十一', year: 2026, seq: 1 }],
    ['seq 0', { townShortName: '瓜沥', year: 2026, seq: 0 }],
    ['negative seq', { townShortName: '瓜沥', year: 2026, seq: -1 }],
    ['fractional seq', { townShortName: '瓜沥', year: 2026, seq: 1.5 }],
    ['two-digit year', { townShortName: '瓜沥', year: 26, seq: 1 }],
    ['fractional year', { townShortName: '瓜沥', year: 2026.5, seq: 1 }],
  ])('refuses %s', (_name, n) => {
    expect(() => formatNoticeNumber(n)).toThrow(RangeError);
  });
});

describe('parsing', () => {
  it.each([
    ['瓜沥安改〔2026〕0001号', { kind: 'rectification', townShortName: '瓜沥', year: 2026, seq: 1 }],
    ['瓜沥黄牌〔2026〕0001号', { kind: 'yellow_card', townShortName: '瓜沥', year: 2026, seq: 1 }],
    ['瓜沥安改〔2026〕10000号', { kind: 'rectification', townShortName: '瓜沥', year: 2026, seq: 10000 }],
    ['  瓜沥安改［2026］0007号 ', { kind: 'rectification', townShortName: '瓜沥', year: 2026, seq: 7 }],
    ['瓜沥安改[2026]0007号', { kind: 'rectification', townShortName: '瓜沥', year: 2026, seq: 7 }],
    ['瓜沥安改【２０２６】０００７号', { kind: 'rectification', townShortName: '瓜沥', year: 2026, seq: 7 }],
    ['党湾镇安改〔2025〕0300号', { kind: 'rectification', townShortName: '党湾镇', year: 2025, seq: 300 }],
  ])('%s', (text, parsed) => {
    expect(parseDocumentNumber(text)).toEqual(parsed);
  });

  it.each([
    '瓜沥安改〔2026〕001号', // fewer than four digits
    '瓜沥安改〔2026〕0000号', // seq 0
    '瓜沥安改〔2026〕00001号', // padded past four digits
    '瓜沥安改〔26〕0001号',
    '瓜沥安改（2026）0001号',
    '瓜沥安改〔2026〕0001',
    '安改〔2026〕0001号', // no town
    '瓜沥整改〔2026〕0001号',
    '瓜沥安改〔2026〕-001号',
    '',
  ])('rejects %s', (text) => {
    expect(parseDocumentNumber(text)).toBeNull();
  });

  it('each parser takes only its own kind', () => {
    expect(parseNoticeNumber('瓜沥安改〔2026〕0001号')).toEqual({ townShortName: '瓜沥', year: 2026, seq: 1 });
    expect(parseNoticeNumber('瓜沥黄牌〔2026〕0001号')).toBeNull();
    expect(parseYellowCardNumber('瓜沥黄牌〔2026〕0002号')).toEqual({ townShortName: '瓜沥', year: 2026, seq: 2 });
    expect(parseYellowCardNumber('瓜沥安改〔2026〕0002号')).toBeNull();
  });

  it('round-trips every valid number (property)', () => {
    const town = fc.string({ unit: fc.constantFrom(...'瓜沥新塘益农党湾衙前镇街道安改黄牌'), minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(town, fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 10_000_000 }), fc.boolean(), (townShortName, year, seq, yellow) => {
        const n = { townShortName, year, seq };
        const text = yellow ? formatYellowCardNumber(n) : formatNoticeNumber(n);
        expect(parseDocumentNumber(text)).toEqual({ kind: yellow ? 'yellow_card' : 'rectification', ...n });
      }),
    );
  });
});

describe('sequence and year rollover', () => {
  it('starts at 1, counts up, and restarts in a new year', () => {
    const first = nextNoticeNumber(null, '瓜沥', 2025);
    expect(first).toEqual({ townShortName: '瓜沥', year: 2025, seq: 1 });
    expect(nextNoticeNumber({ townShortName: '瓜沥', year: 2025, seq: 9999 }, '瓜沥', 2025)).toEqual({ townShortName: '瓜沥', year: 2025, seq: 10000 });
    const rolled = nextNoticeNumber({ townShortName: '瓜沥', year: 2025, seq: 12345 }, '瓜沥', 2026);
    expect(formatNoticeNumber(rolled)).toBe('瓜沥安改〔2026〕0001号');
  });

  it('refuses a last number from another town or a later year', () => {
    expect(() => nextNoticeNumber({ townShortName: '新塘', year: 2026, seq: 5 }, '瓜沥', 2026)).toThrow(RangeError);
    expect(() => nextNoticeNumber({ townShortName: '瓜沥', year: 2027, seq: 5 }, '瓜沥', 2026)).toThrow(RangeError);
  });

  it.each([
    ['2025-12-31T15:59:59Z', 2025], // 23:59:59 CST on 31 December
    ['2025-12-31T16:00:00Z', 2026], // 00:00 CST on 1 January, still 2025 in UTC
    ['2026-01-01T00:00:00Z', 2026],
    ['2026-06-30T12:00:00Z', 2026],
  ])('numbering year at %s is %i (Asia/Shanghai)', (iso, year) => {
    expect(numberingYear(new Date(iso))).toBe(year);
  });

  it('sorts by year then sequence, not as text', () => {
    const texts = ['瓜沥安改〔2026〕10000号', '瓜沥安改〔2025〕0003号', '瓜沥安改〔2026〕9999号', '瓜沥安改〔2026〕0001号'];
    const sorted = texts.map((t) => parseNoticeNumber(t)!).sort(compareNoticeNumbers).map(formatNoticeNumber);
    expect(sorted).toEqual(['瓜沥安改〔2025〕0003号', '瓜沥安改〔2026〕0001号', '瓜沥安改〔2026〕9999号', '瓜沥安改〔2026〕10000号']);
  });
});
