import { describe, expect, it } from 'vitest';
import { CheckItemFields, SITE_KINDS } from '@anxun/contracts';
import { CHECKLIST_LIBRARY } from './index.ts';

const items = CHECKLIST_LIBRARY.flatMap((c) => c.items.map((item) => ({ ...item, department: c.departmentCode })));

describe('built-in checklist library', () => {
  it('has at least 120 items with unique codes', () => {
    expect(items.length).toBeGreaterThanOrEqual(120);
    const codes = items.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('validates every item against CheckItemFields', () => {
    for (const item of items) {
      const parsed = CheckItemFields.safeParse(item);
      expect(parsed.success, `${item.code}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('covers every site kind with at least 15 items', () => {
    for (const kind of SITE_KINDS) {
      expect(items.filter((i) => i.siteKinds.includes(kind)).length, kind).toBeGreaterThanOrEqual(15);
    }
  });

  it('has both levels and a legal basis on every item', () => {
    expect(new Set(items.map((i) => i.defaultLevel))).toEqual(new Set(['general', 'major']));
    for (const item of items) expect(item.legalBasis.trim().length, item.code).toBeGreaterThan(4);
  });

  it('keeps the answer configuration consistent', () => {
    for (const item of items) {
      expect(item.threshold != null, `${item.code} threshold`).toBe(item.answerType === 'number');
      expect(item.choices != null, `${item.code} choices`).toBe(item.answerType === 'choice');
      if (item.choices) {
        expect(item.choices.some((c) => c.fails) && item.choices.some((c) => !c.fails), item.code).toBe(true);
        expect(new Set(item.choices.map((c) => c.value)).size, item.code).toBe(item.choices.length);
      }
      if (item.answerType === 'photo') expect(item.photoRequired, item.code).toBe(true);
    }
  });

  it('gives a deadline only to deadline-mode items, and every major item a deadline', () => {
    for (const item of items) {
      if (item.defaultMode === 'deadline') expect(item.defaultDays ?? 0, item.code).toBeGreaterThan(0);
      else expect(item.defaultDays ?? 0, item.code).toBe(0);
      if (item.defaultLevel === 'major') expect(item.defaultMode, item.code).toBe('deadline');
    }
  });

  it('prefixes codes by department and keeps one checklist per department', () => {
    const prefix: Record<string, string> = { fire: 'FIRE-', emergency: 'EMER-', urban: 'URBAN-', market: 'MKT-', housing: 'HOUS-', police: 'POL-', ecology: 'ECO-' };
    for (const item of items) expect(item.code.startsWith(prefix[item.department]!), item.code).toBe(true);
    expect(new Set(CHECKLIST_LIBRARY.map((c) => c.departmentCode)).size).toBe(CHECKLIST_LIBRARY.length);
  });
});
