import { describe, expect, it } from 'vitest';
import { diffFields, siteColumns, toWgs84 } from './rules.ts';

describe('toWgs84', () => {
  it('leaves WGS-84 untouched', () => expect(toWgs84({ lng: 120.5, lat: 30.2 }, 'wgs84')).toEqual({ lng: 120.5, lat: 30.2 }));
  it('moves a GCJ-02 point back by the published offset near Hangzhou', () => {
    const { lng, lat } = toWgs84({ lng: 120.15507, lat: 30.27408 }, 'gcj02');
    expect(lng).toBeCloseTo(120.15045, 3);
    expect(lat).toBeCloseTo(30.27658, 3);
  });
});

describe('siteColumns', () => {
  it('stores blanks as null, sorts and de-duplicates flags, converts coordinates', () => {
    const out = siteColumns({ flags: ['three_in_one', 'multi_tenant', 'three_in_one'], industry: '', location: { lng: 120.5, lat: 30.2 }, coordSystem: 'gcj02' });
    expect(out.flags).toEqual(['multi_tenant', 'three_in_one']);
    expect(out.industry).toBeNull();
    expect(out.lng).toBeLessThan(120.5);
  });
  it('leaves out what the body does not mention (a PATCH keeps other fields)', () => {
    expect(siteColumns({ employees: 3 })).toEqual({ employees: 3 });
  });
  it('clears a location set to null', () => expect(siteColumns({ location: null })).toEqual({ lng: null, lat: null }));
});

describe('diffFields', () => {
  it('lists changed fields only, ignoring timestamps and paths', () => {
    expect(diffFields({ a: 1, b: [1], updatedAt: 'x', areaPath: '/1/' }, { a: 1, b: [1, 2], updatedAt: 'y', areaPath: '/2/', c: 'new' })).toEqual([
      { field: 'b', before: [1], after: [1, 2] },
      { field: 'c', before: null, after: 'new' },
    ]);
  });
  it('treats a creation as every field changing from null', () => {
    expect(diffFields(null, { name: '店' })).toEqual([{ field: 'name', before: null, after: '店' }]);
  });
});
