import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { AREA_LEVELS, DIVISION_CODE_PATTERN, OFFICIAL_CODE_LEVELS, type AreaLevel } from '@anxun/contracts';
import type { z } from 'zod';
import type { AreaCreateBody, AreaUpdateBody } from '@anxun/contracts';
import type { RequestContext } from '../../platform/context.ts';
import { write } from '../../platform/write.ts';
import { assertFound, badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { canArea } from './policy.ts';
import { findArea, toArea } from './queries.ts';
import { areas } from './schema.ts';

/** Pure: the level a child of `parent` must have, and whether its code has the right form. */
export function checkChildArea(parentLevel: AreaLevel | null, level: AreaLevel, code: string): { ok: true } | { ok: false; zh: string; en: string } {
  const expected = parentLevel === null ? 'district' : AREA_LEVELS[AREA_LEVELS.indexOf(parentLevel) + 1];
  if (expected !== level) {
    return { ok: false, zh: `下级区域应为 ${expected ?? '（无）'} 级`, en: `A child here must be of level ${expected ?? '(none)'}` };
  }
  if (OFFICIAL_CODE_LEVELS.includes(level) && !DIVISION_CODE_PATTERN.test(code)) {
    return { ok: false, zh: '区县、镇街、村社须使用 12 位统计用区划代码', en: 'Districts, towns and villages use the official 12-digit division code' };
  }
  if (!/^[A-Za-z0-9-]+$/.test(code)) return { ok: false, zh: '代码只能包含字母、数字和连字符', en: 'Codes may hold letters, digits and hyphens only' };
  return { ok: true };
}

export async function getArea(ctx: RequestContext, id: string) {
  const row = await findArea(ctx.database.db, id);
  if (!row || !canArea(ctx.actor, 'read', row)) throw notFound('area');
  return { ...toArea(row), boundary: row.boundary ?? null };
}

export async function createArea(ctx: RequestContext, body: z.infer<typeof AreaCreateBody>) {
  return write(ctx, async ({ tx, audit }) => {
    const parent = body.parentId ? await findArea(tx, body.parentId) : null;
    if (body.parentId && (!parent || !canArea(ctx.actor, 'read', parent))) throw notFound('area');
    const path = `${parent?.path ?? '/'}${body.code}/`;
    if (!canArea(ctx.actor, 'create', { path })) throw forbidden();
    const check = checkChildArea(parent?.level ?? null, body.level, body.code);
    if (!check.ok) throw badRequest('invalid_area', check.zh, check.en, [{ path: 'body.code', message: check.zh, messageEn: check.en }]);
    const [clash] = await tx.select({ id: areas.id }).from(areas).where(eq(areas.code, body.code));
    if (clash) throw conflict('area_code_taken', `区域代码 ${body.code} 已存在`, `Area code ${body.code} already exists`);
    const row = {
      id: randomUUID(),
      parentId: parent?.id ?? null,
      level: body.level,
      code: body.code,
      name: body.name,
      path,
      centreLng: body.centre?.lng ?? null,
      centreLat: body.centre?.lat ?? null,
      boundary: body.boundary ?? null,
    };
    await tx.insert(areas).values(row);
    audit({ action: 'area.created', entityType: 'area', entityId: row.id, after: row });
    return { ...toArea({ ...row, createdAt: new Date() }), boundary: row.boundary };
  });
}

export async function updateArea(ctx: RequestContext, id: string, body: z.infer<typeof AreaUpdateBody>) {
  return write(ctx, async ({ tx, audit }) => {
    const before = assertFound(await findArea(tx, id), 'area');
    if (!canArea(ctx.actor, 'read', before)) throw notFound('area');
    if (!canArea(ctx.actor, 'update', before)) throw forbidden();
    const patch = {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.centre !== undefined ? { centreLng: body.centre?.lng ?? null, centreLat: body.centre?.lat ?? null } : {}),
      ...(body.boundary !== undefined ? { boundary: body.boundary } : {}),
    };
    const [after] = await tx.update(areas).set(patch).where(eq(areas.id, id)).returning();
    audit({ action: 'area.updated', entityType: 'area', entityId: id, before, after });
    return { ...toArea(after!), boundary: after!.boundary ?? null };
  });
}
