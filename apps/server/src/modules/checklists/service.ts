import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ChecklistCreateBody, ChecklistSummary, ChecklistVersion, CombinedForm, DraftItemsBody } from '@anxun/contracts';
import type { RequestContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/client.ts';
import { write } from '../../platform/write.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { departments } from '../users/schema.ts';
import { findSite } from '../sites/queries.ts';
import { canSite } from '../sites/policy.ts';
import { canChecklist, checklistAllowed, isOfficial } from './policy.ts';
import {
  findChecklist,
  findChecklistByCode,
  findVersion,
  itemsOf,
  listChecklistRows,
  loadCombinedForm,
  nextVersionNumber,
  versionWithItems,
  type ChecklistRow,
} from './queries.ts';
import { insertItems } from './install.ts';
import { diffItems, normaliseDraftItems } from './rules.ts';
import { checkItems, checklists, checklistVersions } from './schema.ts';

const noDraft = () => conflict('no_draft', '该检查表没有草稿，请先新建草稿', 'This checklist has no draft; create one first');

function assertReader(ctx: RequestContext) {
  if (!isOfficial(ctx.actor)) throw forbidden();
}

/** Loads the checklist (locked for writes, so concurrent drafts and publishes queue) and checks the actor may edit it. */
async function loadEditable(ctx: RequestContext, tx: Executor, id: string): Promise<ChecklistRow> {
  assertReader(ctx);
  const checklist = await findChecklist(tx, id, true);
  if (!checklist) throw notFound('checklist');
  if (!canChecklist(ctx.actor, 'edit', checklist)) throw forbidden('只能编辑本部门的检查表', 'You may only edit your own department\'s checklists');
  return checklist;
}

export async function listChecklists(ctx: RequestContext): Promise<ChecklistSummary[]> {
  assertReader(ctx);
  const rows = await listChecklistRows(ctx.database.db);
  return rows.map((r) => ({
    id: r.checklist.id,
    departmentId: r.checklist.departmentId,
    departmentName: r.departmentName,
    code: r.checklist.code,
    name: r.checklist.name,
    nameEn: r.checklist.nameEn,
    publishedVersion: r.publishedVersion,
    draftVersion: r.draftVersion,
    itemCount: r.itemCount,
    allowed: checklistAllowed(ctx.actor, r.checklist),
  }));
}

async function summaryOf(ctx: RequestContext, id: string): Promise<ChecklistSummary> {
  const found = (await listChecklists(ctx)).find((c) => c.id === id);
  if (!found) throw notFound('checklist');
  return found;
}

/** Any version, published or retired, is readable by officials; a draft only by those who may edit it. */
export async function getVersion(ctx: RequestContext, id: string, version: number): Promise<ChecklistVersion> {
  assertReader(ctx);
  const db = ctx.database.db;
  const checklist = await findChecklist(db, id);
  if (!checklist) throw notFound('checklist');
  const row = await findVersion(db, id, { version });
  if (!row || (row.status === 'draft' && !canChecklist(ctx.actor, 'edit', checklist))) throw notFound('checklist_version');
  return versionWithItems(db, row);
}

export async function createChecklist(ctx: RequestContext, body: z.infer<typeof ChecklistCreateBody>): Promise<ChecklistSummary> {
  const id = await write(ctx, async ({ tx, audit }) => {
    assertReader(ctx);
    if (!canChecklist(ctx.actor, 'edit', { departmentId: body.departmentId })) {
      throw forbidden('只能为本部门新建检查表', 'You may only create checklists for your own department');
    }
    const [department] = await tx.select().from(departments).where(eq(departments.id, body.departmentId));
    if (!department) {
      throw badRequest('invalid_department', '部门不存在', 'No such department', [{ path: 'body.departmentId', message: '部门不存在', messageEn: 'No such department' }]);
    }
    if (await findChecklistByCode(tx, body.code)) {
      throw conflict('duplicate_checklist', `检查表代码已存在：${body.code}`, `Checklist code ${body.code} already exists`, [
        { path: 'body.code', message: '代码重复', messageEn: 'Duplicate code' },
      ]);
    }
    const [row] = await tx.insert(checklists).values({ id: randomUUID(), ...body }).returning();
    audit({ action: 'checklist.created', entityType: 'checklist', entityId: row!.id, after: { code: row!.code, name: row!.name, nameEn: row!.nameEn, departmentId: row!.departmentId } });
    return row!.id;
  });
  return summaryOf(ctx, id);
}

/** A new draft starts as a copy of the published items (or empty for a new checklist); 409 if a draft exists. */
export async function createDraft(ctx: RequestContext, id: string): Promise<ChecklistVersion> {
  const draftId = await write(ctx, async ({ tx, audit }) => {
    await loadEditable(ctx, tx, id);
    const existing = await findVersion(tx, id, { status: 'draft' });
    if (existing) {
      throw conflict('draft_exists', `已有草稿（第${existing.version}版），请继续编辑或发布`, `A draft (version ${existing.version}) already exists`);
    }
    const published = await findVersion(tx, id, { status: 'published' });
    const version = await nextVersionNumber(tx, id);
    const [draft] = await tx.insert(checklistVersions).values({ id: randomUUID(), checklistId: id, version, status: 'draft' }).returning();
    const items = published ? await itemsOf(tx, published.id) : [];
    await insertItems(tx, draft!.id, items.map(({ id: _id, sort: _sort, ...fields }) => fields));
    audit({ action: 'checklist.draft_created', entityType: 'checklist', entityId: id, after: { version, copiedFrom: published?.version ?? null, itemCount: items.length } });
    return draft!.id;
  });
  const [row] = await ctx.database.db.select().from(checklistVersions).where(eq(checklistVersions.id, draftId));
  return versionWithItems(ctx.database.db, row!);
}

/** Replaces every item of the draft; published and retired versions are never touched. */
export async function saveDraftItems(ctx: RequestContext, id: string, body: z.infer<typeof DraftItemsBody>): Promise<ChecklistVersion> {
  const draft = await write(ctx, async ({ tx, audit }) => {
    await loadEditable(ctx, tx, id);
    const draft = await findVersion(tx, id, { status: 'draft' });
    if (!draft) throw noDraft();
    const { items, details } = normaliseDraftItems(body.items);
    if (details.length > 0) throw badRequest('invalid_items', '检查项有误，请修改后再保存', 'Some check items are invalid', details);
    const before = await itemsOf(tx, draft.id);
    await tx.delete(checkItems).where(eq(checkItems.versionId, draft.id));
    await insertItems(tx, draft.id, items);
    const changes = diffItems(before, items);
    audit({ action: 'checklist.draft_saved', entityType: 'checklist', entityId: id, after: { version: draft.version, itemCount: items.length, ...changes } });
    return draft;
  });
  return versionWithItems(ctx.database.db, draft);
}

/** Draft → published, previous published → retired. Retired items keep their ids and content. */
export async function publishDraft(ctx: RequestContext, id: string): Promise<ChecklistVersion> {
  const published = await write(ctx, async ({ tx, audit }) => {
    await loadEditable(ctx, tx, id);
    const draft = await findVersion(tx, id, { status: 'draft' });
    if (!draft) throw noDraft();
    const items = await itemsOf(tx, draft.id);
    if (items.length === 0) throw conflict('empty_draft', '草稿没有检查项，不能发布', 'An empty draft cannot be published');
    const previous = await findVersion(tx, id, { status: 'published' });
    // Retire first: the partial unique index allows one published version per checklist at any moment.
    if (previous) await tx.update(checklistVersions).set({ status: 'retired' }).where(eq(checklistVersions.id, previous.id));
    const [row] = await tx
      .update(checklistVersions)
      .set({ status: 'published', publishedAt: new Date(), publishedBy: ctx.actor.id })
      .where(and(eq(checklistVersions.id, draft.id), eq(checklistVersions.status, 'draft')))
      .returning();
    audit({ action: 'checklist.published', entityType: 'checklist', entityId: id, after: { version: draft.version, retired: previous?.version ?? null, itemCount: items.length } });
    return row!;
  });
  return versionWithItems(ctx.database.db, published);
}

/** 404 when the site is absent or outside the actor's reach, so hidden sites cannot be probed. */
export async function combinedFormForSite(ctx: RequestContext, siteId: string): Promise<CombinedForm> {
  const db = ctx.database.db;
  const found = await findSite(db, siteId);
  if (!found || !canSite(ctx.actor, 'read', found.site)) throw notFound('site');
  assertReader(ctx);
  return loadCombinedForm(db, found.site);
}
