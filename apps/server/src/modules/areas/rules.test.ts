import { describe, expect, it } from 'vitest';
import { checkChildArea } from './service.ts';
import { canArea } from './policy.ts';
import type { Actor } from '../../platform/context.ts';

describe('checkChildArea', () => {
  it('follows district → town → village → grid → micro-grid', () => {
    expect(checkChildArea(null, 'district', '330109000000')).toEqual({ ok: true });
    expect(checkChildArea('district', 'town', '330109118000')).toEqual({ ok: true });
    expect(checkChildArea('town', 'village', '330109118201')).toEqual({ ok: true });
    expect(checkChildArea('village', 'grid', 'G01')).toEqual({ ok: true });
    expect(checkChildArea('grid', 'micro_grid', 'G01-W01')).toEqual({ ok: true });
    expect(checkChildArea('town', 'grid', 'G01').ok).toBe(false);
    expect(checkChildArea('micro_grid', 'micro_grid', 'X').ok).toBe(false);
  });
  it('requires 12-digit official codes down to villages', () => {
    expect(checkChildArea('town', 'village', '3301091182').ok).toBe(false);
    expect(checkChildArea('district', 'town', 'ABC').ok).toBe(false);
  });
  it('refuses codes that would break a materialised path', () => {
    expect(checkChildArea('village', 'grid', 'G/01').ok).toBe(false);
    expect(checkChildArea('village', 'grid', 'G%').ok).toBe(false);
  });
});

describe('canArea', () => {
  const actor = (roles: Actor['roles'], scopePaths: string[]): Actor => ({ id: 'x', username: 'x', displayName: 'x', roles, departmentId: null, phone: null, scopePaths });
  it('lets officials read inside their scope only', () => {
    expect(canArea(actor(['village'], ['/1/2/3/']), 'read', { path: '/1/2/3/4/' })).toBe(true);
    expect(canArea(actor(['village'], ['/1/2/3/']), 'read', { path: '/1/2/30/' })).toBe(false);
    expect(canArea(actor(['village'], ['/1/2/3/']), 'read', { path: '/1/2/' })).toBe(false);
  });
  it('lets only admins and command centres change areas', () => {
    expect(canArea(actor(['command_centre'], ['/1/']), 'update', { path: '/1/2/' })).toBe(true);
    expect(canArea(actor(['town'], ['/1/']), 'update', { path: '/1/2/' })).toBe(false);
  });
  it('shows parties no area tree', () => expect(canArea(actor(['party'], ['/1/']), 'read', { path: '/1/' })).toBe(false));
});
