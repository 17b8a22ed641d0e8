import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { SITE_KINDS, type CheckItem, type ChecklistSummary, type ChecklistVersion, type CombinedForm } from '@anxun/contracts';
import { buildTestApp, type TestApp } from '../../../test/helpers.ts';
import { areaTree, insertDepartment, insertSite, insertUser } from '../../../test/factories.ts';
import { auditEvents } from '../audit/schema.ts';
import { verifyAuditLog } from '../audit/verify.ts';
import { installChecklistLibrary } from './install.ts';
import { EMERGENCY_CHECKLIST } from './library/emergency.ts';
import { FIRE_CHECKLIST } from './library/fire.ts';
import { findCheckItems } from './queries.ts';
import { checklists } from './schema.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof areaTree>>;
let fire: { id: string };
let emergency: { id: string };
const cookies = {} as Record<'admin' | 'deptFire' | 'inspector' | 'party', string>;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  tree = await areaTree(db);
  fire = await insertDepartment(db, 'fire', '消防');
  emergency = await insertDepartment(db, 'emergency', '应急管理');
  await installChecklistLibrary(db, { departmentsByCode: { fire: fire.id, emergency: emergency.id } });
  const admin = await insertUser(db, ['admin'], [tree.district]);
  const deptFire = await insertUser(db, ['department'], [tree.town], { departmentId: fire.id });
  const inspector = await insertUser(db, ['inspector'], [tree.villageA]);
  const party = await insertUser(db, ['party'], [], { phone: '13800000001' });
  cookies.admin = await t.login(admin.username);
  cookies.deptFire = await t.login(deptFire.username);
  cookies.inspector = await t.login(inspector.username);
  cookies.party = await t.login(party.username);
});
afterAll(() => t.close());

type Who = keyof typeof cookies;
const call = (who: Who, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  t.app.inject({ method, url, headers: { cookie: cookies[who] }, ...(payload === undefined ? {} : { payload: payload as object }) });
const list = async (who: Who) => (await call(who, 'GET', '/api/checklists')).json<ChecklistSummary[]>();
const byCode = async (who: Who, code: string) => (await list(who)).find((c) => c.code === code)!;
const version = async (id: string, n: number) => (await call('inspector', 'GET', `/api/checklists/${id}/versions/${n}`)).json<ChecklistVersion>();
const editable = (items: CheckItem[]) => items.map(({ id: _id, sort: _sort, ...fields }) => fields);

describe('checklist library install', () => {
  it('installs one published checklist per known department, and only once', async () => {
    const again = await installChecklistLibrary(t.database.db, { departmentsByCode: { fire: fire.id, emergency: emergency.id } });
    expect(again.installed).toEqual([]);
    expect(again.skipped).toContain('FIRE-BASE');
    const rows = await t.database.db.select().from(checklists);
    expect(rows.map((r) => r.code).sort()).toEqual(['EMERGENCY-BASE', 'FIRE-BASE']);

    const summaries = await list('inspector');
    expect(summaries.map((s) => [s.code, s.departmentName, s.publishedVersion, s.draftVersion, s.itemCount, s.allowed.edit])).toEqual([
      ['EMERGENCY-BASE', '应急管理', 1, null, EMERGENCY_CHECKLIST.items.length, false],
      ['FIRE-BASE', '消防', 1, null, FIRE_CHECKLIST.items.length, false],
    ]);
    const mine = await list('deptFire');
    expect(Object.fromEntries(mine.map((s) => [s.code, s.allowed.edit]))).toEqual({ 'EMERGENCY-BASE': false, 'FIRE-BASE': true });
  });

  it('refuses the inspected party', async () => {
    expect((await call('party', 'GET', '/api/checklists')).statusCode).toBe(403);
  });
});

describe('versioning', () => {
  it('publishing v2 leaves v1 items readable by id and unchanged', async () => {
    const summary = await byCode('deptFire', 'FIRE-BASE');
    const v1 = await version(summary.id, 1);
    expect(v1.status).toBe('published');

    const draft = await call('deptFire', 'POST', `/api/checklists/${summary.id}/draft`);
    expect(draft.statusCode, draft.body).toBe(201);
    const v2 = draft.json<ChecklistVersion>();
    expect(v2).toMatchObject({ version: 2, status: 'draft', publishedAt: null });
    expect(v2.items.map((i) => i.code)).toEqual(v1.items.map((i) => i.code));
    expect(v2.items.some((i) => v1.items.some((old) => old.id === i.id))).toBe(false);
    expect((await call('deptFire', 'POST', `/api/checklists/${summary.id}/draft`)).json().code).toBe('draft_exists');
    // Drafts are work in progress: officials who cannot edit do not see them.
    expect((await call('inspector', 'GET', `/api/checklists/${summary.id}/versions/2`)).statusCode).toBe(404);

    const items = editable(v2.items);
    items[0] = { ...items[0]!, text: '疏散通道、安全出口畅通（第二版措辞）' };
    items.pop();
    items.push({ ...items[1]!, code: 'FIRE-900', text: '新增检查项', textEn: 'New item' });
    const saved = await call('deptFire', 'PUT', `/api/checklists/${summary.id}/draft/items`, { items: [items[1], items[0], ...items.slice(2)] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<ChecklistVersion>().items.slice(0, 2).map((i) => i.code)).toEqual(['FIRE-002', 'FIRE-001']);

    const published = await call('deptFire', 'POST', `/api/checklists/${summary.id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ version: 2, status: 'published' });
    expect((await call('deptFire', 'POST', `/api/checklists/${summary.id}/publish`)).json().code).toBe('no_draft');

    const v1After = await version(summary.id, 1);
    expect(v1After.status).toBe('retired');
    expect(v1After.items).toEqual(v1.items);
    const [resolved] = await findCheckItems(t.database.db, [v1.items[0]!.id]);
    expect(resolved).toMatchObject({ code: 'FIRE-001', text: v1.items[0]!.text, versionStatus: 'retired', version: 1, departmentId: fire.id, departmentName: '消防' });

    const after = await byCode('inspector', 'FIRE-BASE');
    expect(after).toMatchObject({ publishedVersion: 2, draftVersion: null, itemCount: FIRE_CHECKLIST.items.length });

    const actions = (await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, summary.id))).map((e) => e.action);
    expect(actions).toEqual(['checklist.draft_created', 'checklist.draft_saved', 'checklist.published']);
    const saveEvent = (await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'checklist.draft_saved')))[0]!;
    expect(saveEvent.after).toMatchObject({ added: ['FIRE-900'], removed: [FIRE_CHECKLIST.items.at(-1)!.code], changed: ['FIRE-001'], reordered: true });
    expect((await verifyAuditLog(t.database.db)).breaks).toEqual([]);
  });
});

describe('combined form', () => {
  it('merges the applicable published items of every department, grouped by department', async () => {
    const summaries = await list('inspector');
    const published = await Promise.all(summaries.map((s) => version(s.id, s.publishedVersion!)));
    for (const kind of SITE_KINDS) {
      const site = await insertSite(t.database.db, tree.microA, { kind });
      const res = await call('inspector', 'GET', `/api/sites/${site.id}/combined-form`);
      expect(res.statusCode, res.body).toBe(200);
      const form = res.json<CombinedForm>();
      expect(form).toMatchObject({ siteId: site.id, siteKind: kind });
      const expected = summaries
        .map((s, i) => ({ departmentId: s.departmentId, checklistVersionId: published[i]!.id, ids: published[i]!.items.filter((it) => it.siteKinds.includes(kind)).map((it) => it.id) }))
        .filter((g) => g.ids.length > 0);
      expect(form.groups.map((g) => ({ departmentId: g.departmentId, checklistVersionId: g.checklistVersionId, ids: g.items.map((it) => it.id) })), kind).toEqual(expected);
      for (const item of form.groups.flatMap((g) => g.items)) expect(item.siteKinds).toContain(kind);
    }
  });

  it('answers 404 for a site outside the actor\'s scope', async () => {
    const outside = await insertSite(t.database.db, tree.microB, { kind: 'street_shop' });
    expect((await call('inspector', 'GET', `/api/sites/${outside.id}/combined-form`)).statusCode).toBe(404);
    expect((await call('admin', 'GET', `/api/sites/${outside.id}/combined-form`)).statusCode).toBe(200);
  });
});

describe('permissions and validation', () => {
  it('keeps a department user to its own department', async () => {
    const other = await byCode('deptFire', 'EMERGENCY-BASE');
    for (const [method, url, payload] of [
      ['POST', `/api/checklists/${other.id}/draft`, undefined],
      ['PUT', `/api/checklists/${other.id}/draft/items`, { items: editable((await version(other.id, 1)).items) }],
      ['POST', `/api/checklists/${other.id}/publish`, undefined],
      ['POST', '/api/checklists', { departmentId: emergency.id, code: 'EMER-EXTRA', name: '应急补充检查表', nameEn: 'Extra' }],
    ] as const) {
      const res = await call('deptFire', method, url, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await call('inspector', 'POST', `/api/checklists/${other.id}/draft`)).statusCode).toBe(403);
    const own = await call('deptFire', 'POST', '/api/checklists', { departmentId: fire.id, code: 'FIRE-HIGHRISE', name: '高层建筑消防专项检查表', nameEn: 'High-rise fire checklist' });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json()).toMatchObject({ code: 'FIRE-HIGHRISE', publishedVersion: null, itemCount: 0, allowed: { edit: true } });
    expect((await call('admin', 'POST', '/api/checklists', { departmentId: fire.id, code: 'FIRE-HIGHRISE', name: '重复', nameEn: 'Dup' })).json().code).toBe('duplicate_checklist');
    // A new checklist starts with an empty draft, which cannot be published.
    const draft = await call('deptFire', 'POST', `/api/checklists/${own.json().id}/draft`);
    expect(draft.json()).toMatchObject({ version: 1, items: [] });
    expect((await call('deptFire', 'POST', `/api/checklists/${own.json().id}/publish`)).json().code).toBe('empty_draft');
  });

  it('refuses bad items with bilingual field errors and changes nothing', async () => {
    const summary = await byCode('admin', 'EMERGENCY-BASE');
    expect((await call('admin', 'PUT', `/api/checklists/${summary.id}/draft/items`, { items: editable((await version(summary.id, 1)).items) })).json().code).toBe('no_draft');
    await call('admin', 'POST', `/api/checklists/${summary.id}/draft`);
    const good = editable((await version(summary.id, 1)).items);

    const schema = await call('admin', 'PUT', `/api/checklists/${summary.id}/draft/items`, { items: [{ ...good[0]!, code: 'emer-1', siteKinds: [] }] });
    expect(schema.statusCode).toBe(400);
    expect(schema.json().code).toBe('validation_failed');
    expect(schema.json().details.map((d: { path: string }) => d.path).sort()).toEqual(['body.items.0.code', 'body.items.0.siteKinds']);
    expect((await call('admin', 'PUT', `/api/checklists/${summary.id}/draft/items`, { items: [] })).statusCode).toBe(400);

    const number = good.find((i) => i.answerType === 'number')!;
    const rules = await call('admin', 'PUT', `/api/checklists/${summary.id}/draft/items`, {
      items: [good[0], { ...good[1]!, code: good[0]!.code }, { ...number, threshold: null }, { ...good[2]!, answerType: 'choice', choices: [{ value: 'a', label: '只有一个', fails: true }] }],
    });
    expect(rules.statusCode).toBe(400);
    const body = rules.json();
    expect(body.code).toBe('invalid_items');
    expect(body.details.map((d: { path: string }) => d.path)).toEqual(['body.items.1.code', 'body.items.2.threshold', 'body.items.3.choices']);
    for (const d of body.details) {
      expect(d.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(d.messageEn).toMatch(/[A-Za-z]/);
    }
    const draft = (await call('admin', 'GET', `/api/checklists/${summary.id}/versions/2`)).json<ChecklistVersion>();
    expect(editable(draft.items)).toEqual(good);
    expect((await call('admin', 'GET', `/api/checklists/${summary.id}/versions/9`)).statusCode).toBe(404);
  });
});
