import { describe, expect, it } from 'vitest';
import { formatNoticeNumber, formatYellowCardNumber, nextNoticeNumber, numberingYear, type NoticeNumber } from '../notices/numbering.ts';
import { pathPrefixes, townShortName } from './numbers.ts';

describe('townShortName', () => {
  it.each([
    ['瓜沥镇', '瓜沥'],
    ['北干街道', '北干'],
    ['河上乡', '河上'],
    ['城厢街道办事处', '城厢'],
    ['镇', '镇'],
    [' 新塘街道 ', '新塘'],
  ])('%s → %s', (name, short) => expect(townShortName(name)).toBe(short));
});

describe('pathPrefixes', () => {
  it('lists every ancestor path, root first', () => {
    expect(pathPrefixes('/330109000000/330109118000/330109118201/')).toEqual(['/330109000000/', '/330109000000/330109118000/', '/330109000000/330109118000/330109118201/']);
  });
});

/** The sequence a counter row produces, replayed without a database: one counter per (town, year). */
function issue(events: { town: string; at: string }[]): string[] {
  const last = new Map<string, NoticeNumber>();
  return events.map(({ town, at }) => {
    const year = numberingYear(new Date(at));
    const prev = last.get(town) ?? null;
    const next = nextNoticeNumber(prev, town, year);
    last.set(town, next);
    return formatYellowCardNumber(next);
  });
}

describe('yellow card numbering', () => {
  it('increments per town and restarts in a new Asia/Shanghai year', () => {
    expect(
      issue([
        { town: '瓜沥', at: '2026-03-01T02:00:00Z' },
        { town: '瓜沥', at: '2026-06-01T02:00:00Z' },
        { town: '党山', at: '2026-06-02T02:00:00Z' },
        { town: '瓜沥', at: '2026-12-31T15:30:00Z' }, // 23:30 on 31 December in Shanghai: still 2026
        { town: '瓜沥', at: '2026-12-31T16:30:00Z' }, // 00:30 on 1 January in Shanghai: 2027
        { town: '瓜沥', at: '2027-02-01T02:00:00Z' },
        { town: '党山', at: '2027-02-01T02:00:00Z' },
      ]),
    ).toEqual(['瓜沥黄牌〔2026〕0001号', '瓜沥黄牌〔2026〕0002号', '党山黄牌〔2026〕0001号', '瓜沥黄牌〔2026〕0003号', '瓜沥黄牌〔2027〕0001号', '瓜沥黄牌〔2027〕0002号', '党山黄牌〔2027〕0001号']);
  });

  it('notices and yellow cards read differently for the same counter values', () => {
    const n = { townShortName: '瓜沥', year: 2026, seq: 7 };
    expect(formatNoticeNumber(n)).toBe('瓜沥安改〔2026〕0007号');
    expect(formatYellowCardNumber(n)).toBe('瓜沥黄牌〔2026〕0007号');
  });
});
