import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/helpers.ts';
import { areaTree, insertChecklist, insertDepartment, insertSite, insertUser } from '../../../test/factories.ts';
import { smsOutbox } from '../../platform/sms/schema.ts';
import { inspectionAnswers, inspections } from './schema.ts';
import { hazardEvents, hazards } from '../hazards/schema.ts';
import { colourHistory } from '../colours/schema.ts';
import { verifyAuditLog } from '../audit/verify.ts';
import { sites } from '../sites/schema.ts';
import { refreshSiteColour } from '../colours/service.ts';
import { loadColourState } from '../colours/service.ts';
import { siteColour } from '../colours/colour.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof areaTree>>;
let inspector: string;
let party: string;
let admin: string;
let items: Awaited<ReturnType<typeof insertChecklist>>['items'];
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  tree = await areaTree(db);
  const fire = await insertDepartment(db, 'fire', '消防');
  ({ items } = await insertChecklist(db, fire.id, [
    { code: 'FIRE-001', defaultMode: 'deadline', defaultDays: 5 },
    { code: 'FIRE-002', defaultMode: 'immediate', defaultDays: 0 },
    { code: 'FIRE-003', defaultLevel: 'major', defaultMode: 'deadline', defaultDays: 20 },
    { code: 'FIRE-004', answerType: 'number', threshold: { op: '<', value: 1.1, unit: 'm' } },
  ]));
  inspector = await t.login((await insertUser(db, ['inspector'], [tree.villageA])).username);
  admin = await t.login((await insertUser(db, ['admin'], [tree.district])).username);
  await insertUser(db, ['party'], [], { username: 'party-13905710009', phone: '13905710009' });
  party = await t.login('party-13905710009');
});
afterAll(() => t.close());

const post = (url: string, cookie: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload: payload as never });

async function photo(siteId: string, cookie = inspector): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([PNG], { type: 'image/png' }), 'p.png');
  const res = await t.app.inject({ method: 'POST', url: `/api/sites/${siteId}/photos`, headers: { cookie }, payload: form });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().key;
}

async function submission(siteId: string, over: Record<string, unknown> = {}, answers?: unknown[]) {
  const signature = { imageKey: await photo(siteId), signerName: '王老板', signerPhone: '13905710009', signedAt: new Date().toISOString() };
  return {
    id: randomUUID(),
    siteId,
    startedAt: new Date(Date.now() - 600_000).toISOString(),
    endedAt: new Date().toISOString(),
    gps: { lng: 120.5, lat: 30.2005, accuracy: 12 },
    answers: answers ?? items.map((i) => (i.answerType === 'number' ? { checkItemId: i.id, value: 1.5 } : { checkItemId: i.id, result: 'pass' })),
    signature,
    ...over,
  };
}

const outbox = async (phone: string) => t.database.db.select().from(smsOutbox).where(eq(smsOutbox.phone, phone));
const inspectionCount = async () => (await t.database.db.select({ n: count() }).from(inspections))[0]!.n;

describe('combined inspection', () => {
  it('records a clean visit: the site turns green', async () => {
    const site = await insertSite(t.database.db, tree.microA);
    const res = await post('/api/inspections', inspector, await submission(site.id));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ colour: 'green', hazards: [], noticeNumber: null, distanceM: 56, farFromSite: false });
  });

  it('turns failed items into hazards, closes the one fixed on the spot, numbers a notice and queues the SMS', async () => {
    const site = await insertSite(t.database.db, tree.microA, { phone: '13905710009' });
    const before = await photo(site.id);
    const after = await photo(site.id);
    const answers = [
      { checkItemId: items[0]!.id, result: 'fail', photos: [before], note: '疏散通道堆放杂物' },
      { checkItemId: items[1]!.id, result: 'fail', photos: [before], hazard: { fixedOnSpotPhotos: [after] } },
      { checkItemId: items[2]!.id, result: 'pass' },
      { checkItemId: items[3]!.id, value: 0.8, result: 'pass' },
    ];
    const body = await submission(site.id, {}, answers);
    const res = await post('/api/inspections', inspector, body);
    expect(res.statusCode, res.body).toBe(201);
    const result = res.json();
    expect(result.colour).toBe('yellow');
    expect(result.hazards.map((h: { status: string }) => h.status).sort()).toEqual(['closed', 'open', 'open']);
    expect(result.hazards.find((h: { mode: string }) => h.mode === 'immediate').status).toBe('closed');
    expect(result.noticeNumber).toMatch(/^瓜沥安改〔\d{4}〕0001号$/);
    const sms = await outbox('13905710009');
    expect(sms).toHaveLength(1);
    expect(sms[0]!.template).toBe('hazard_notice');
    // Stored: every answer, each hazard as it ended up with every event that got it there, the
    // colour change, and an audit chain that verifies.
    expect(await t.database.db.$count(inspectionAnswers, eq(inspectionAnswers.inspectionId, body.id))).toBe(4);
    const stored = await t.database.db.select().from(hazards).where(eq(hazards.inspectionId, body.id));
    const closed = stored.find((h) => h.status === 'closed')!;
    expect(closed).toMatchObject({ version: 2, photosAfter: [after], closedBy: expect.any(String) });
    expect(closed.closedAt).toBeInstanceOf(Date);
    for (const h of stored) {
      const events = await t.database.db.select().from(hazardEvents).where(eq(hazardEvents.hazardId, h.id));
      const expected = h.status === 'closed' ? ['close_on_spot', 'found'] : ['found'];
      expect(events.map((e) => e.action).sort()).toEqual(expected);
      expect(events.every((e) => e.actorName.length > 0 && e.actorId !== null)).toBe(true);
      if (h.status === 'open') expect(h).toMatchObject({ version: 1, photosAfter: [], closedAt: null, closedBy: null });
    }
    const history = await t.database.db.select().from(colourHistory).where(eq(colourHistory.siteId, site.id));
    expect(history.map((r) => [r.previous, r.colour])).toEqual([['grey', 'yellow']]);
    expect((await verifyAuditLog(t.database.db)).breaks).toEqual([]);

    const again = await post('/api/inspections', inspector, body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(result);
    expect(await outbox('13905710009')).toHaveLength(1);
    const reused = await post('/api/inspections', inspector, { ...body, notes: '改了内容' });
    expect(reused.statusCode).toBe(409);
  });

  it('stores a submission sent twice at once only once', async () => {
    const site = await insertSite(t.database.db, tree.microA);
    const body = await submission(site.id);
    const [a, b] = await Promise.all([post('/api/inspections', inspector, body), post('/api/inspections', inspector, body)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json()).toEqual(b.json());
  });

  it('refuses bad submissions with every problem listed and writes nothing', async () => {
    const site = await insertSite(t.database.db, tree.microA);
    const n = await inspectionCount();
    const missing = await post('/api/inspections', inspector, await submission(site.id, {}, [{ checkItemId: items[0]!.id, result: 'pass' }, { checkItemId: randomUUID(), result: 'pass' }]));
    expect(missing.statusCode).toBe(400);
    const messages = missing.json().details.map((d: { message: string }) => d.message);
    expect(messages).toContain('未知的检查项');
    expect(messages).toEqual(expect.arrayContaining(['检查项 FIRE-002 未作答', '检查项 FIRE-003 未作答', '检查项 FIRE-004 未作答']));

    const pastDeadline = await post('/api/inspections', inspector, await submission(site.id, {}, [
      { checkItemId: items[0]!.id, result: 'fail', hazard: { deadline: '2020-01-01' } },
      { checkItemId: items[1]!.id, result: 'pass' },
      { checkItemId: items[2]!.id, result: 'fail' },
      { checkItemId: items[3]!.id, value: 2 },
    ]));
    expect(pastDeadline.statusCode).toBe(400);
    expect(pastDeadline.json().details.map((d: { path: string }) => d.path)).toEqual(['body.answers.0.hazard.deadline', 'body.answers.2.hazard.treatmentPlan']);

    const unsigned = await post('/api/inspections', inspector, await submission(site.id, { signature: null }));
    expect(unsigned.statusCode).toBe(400);
    expect(unsigned.json().code).toBe('signature_required');

    const foreignPhoto = await post('/api/inspections', inspector, await submission(site.id, {}, items.map((i) => ({ checkItemId: i.id, result: 'pass', value: 2, photos: ['sites/x/y.jpg'] }))));
    expect(foreignPhoto.statusCode).toBe(400);
    expect(foreignPhoto.json().code).toBe('unknown_photo');
    // A photo uploaded for another site is refused too.
    const other = await insertSite(t.database.db, tree.microA);
    const otherPhoto = await photo(other.id);
    const borrowed = await post('/api/inspections', inspector, await submission(site.id, {}, items.map((i) => ({ checkItemId: i.id, result: 'pass', value: 2, photos: [otherPhoto] }))));
    expect(borrowed.statusCode).toBe(400);
    expect(borrowed.json().code).toBe('unknown_photo');
    expect(await inspectionCount()).toBe(n);
  });

  it('answers 404 for a site outside the inspector scope', async () => {
    const outside = await insertSite(t.database.db, tree.microB);
    const body = await submission((await insertSite(t.database.db, tree.microA)).id);
    const res = await post('/api/inspections', inspector, { ...body, siteId: outside.id });
    expect(res.statusCode).toBe(404);
  });

  it('flags a GPS fix more than 200 m away', async () => {
    const site = await insertSite(t.database.db, tree.microA);
    const res = await post('/api/inspections', inspector, await submission(site.id, { gps: { lng: 120.51, lat: 30.2 } }));
    expect(res.json()).toMatchObject({ farFromSite: true, distanceM: 961 });
  });

  it('records a major hazard with its six-element plan: red', async () => {
    const site = await insertSite(t.database.db, tree.microA);
    const plan = { targetAndTasks: '拆除彩钢夹芯板', methodsAndMeasures: '更换为A级材料', fundsAndMaterials: '企业自筹20万元', responsible: '企业负责人王某', deadline: '2099-01-31', safetyAndEmergency: '施工期间设专人监护' };
    const answers = items.map((i) => (i.code === 'FIRE-003' ? { checkItemId: i.id, result: 'fail', hazard: { treatmentPlan: plan } } : { checkItemId: i.id, result: 'pass', value: 2 }));
    const res = await post('/api/inspections', inspector, await submission(site.id, {}, answers));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ colour: 'red', hazards: [{ level: 'major', status: 'open' }] });
  });
});

describe('hazard to close-out', () => {
  let siteId: string;
  let hazardId: string;
  beforeAll(async () => {
    const site = await insertSite(t.database.db, tree.microA, { phone: '13905710009' });
    siteId = site.id;
    const answers = items.map((i) => (i.code === 'FIRE-001' ? { checkItemId: i.id, result: 'fail' } : { checkItemId: i.id, result: 'pass', value: 2 }));
    const res = await post('/api/inspections', inspector, await submission(site.id, {}, answers));
    hazardId = res.json().hazards[0].id;
  });
  const act = (cookie: string, body: unknown) => post(`/api/hazards/${hazardId}/actions`, cookie, body);

  it('moves through the loop: party evidence → review → closed, and the site turns green', async () => {
    const detail = (await t.app.inject({ method: 'GET', url: `/api/hazards/${hazardId}`, headers: { cookie: party } })).json();
    expect(detail.allowedActions).toEqual(['submit_rectification']);
    const evidence = await photo(siteId, party);
    const submitted = await act(party, { action: 'submit_rectification', evidence: [evidence], version: detail.version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe('pending_review');
    expect((await act(party, { action: 'approve', evidence: [evidence] })).statusCode).toBe(403);

    const afterPhoto = await photo(siteId);
    const approved = await act(inspector, { action: 'approve', evidence: [afterPhoto] });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'closed', allowedActions: [] });
    expect(approved.json().events.map((e: { action: string }) => e.action)).toEqual(['found', 'submit_rectification', 'approve']);
    const [site] = await t.database.db.select({ colour: sites.colour }).from(sites).where(eq(sites.id, siteId));
    expect(site!.colour).toBe('green');
    expect((await outbox('13905710009')).map((m) => m.template)).toContain('close_out');

    const twice = await act(inspector, { action: 'approve', evidence: [afterPhoto] });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('hazard_already_closed');
  });

  it('reopens with a reason and refuses a stale version', async () => {
    const detail = (await t.app.inject({ method: 'GET', url: `/api/hazards/${hazardId}`, headers: { cookie: admin } })).json();
    expect((await act(admin, { action: 'reopen', version: detail.version - 1, reason: '复发' })).statusCode).toBe(409);
    expect((await act(admin, { action: 'reopen' })).statusCode).toBe(409);
    const reopened = await act(admin, { action: 'reopen', reason: '整改后复发', version: detail.version });
    expect(reopened.json().status).toBe('open');
  });

  it('grants an extension and re-inspects the hazard as fixed', async () => {
    const detail = (await t.app.inject({ method: 'GET', url: `/api/hazards/${hazardId}`, headers: { cookie: admin } })).json();
    const asked = await post(`/api/hazards/${hazardId}/extensions`, party, { newDeadline: '2099-12-31', reason: '需采购材料' });
    expect(asked.statusCode, asked.body).toBe(200);
    const extension = asked.json().extensions[0];
    const decided = await post(`/api/hazards/${hazardId}/extensions/${extension.id}/decision`, admin, { approve: true });
    expect(decided.json()).toMatchObject({ deadline: '2099-12-31', extensions: [{ status: 'approved' }] });
    expect(detail.deadline).not.toBe('2099-12-31');

    const fixedPhoto = await photo(siteId);
    const re = await post('/api/reinspections', inspector, { id: randomUUID(), siteId, startedAt: new Date(Date.now() - 60_000).toISOString(), endedAt: new Date().toISOString(), gps: null, results: [{ hazardId, fixed: true, photos: [fixedPhoto] }] });
    expect(re.statusCode, re.body).toBe(201);
    expect(re.json().colour).toBe('green');
  });
});

describe('colour over time', () => {
  it('turns a site orange once a deadline day is over, and the stored colour equals the rule', async () => {
    const site = await insertSite(t.database.db, tree.microA);
    const answers = items.map((i) => (i.code === 'FIRE-001' ? { checkItemId: i.id, result: 'fail' } : { checkItemId: i.id, result: 'pass', value: 2 }));
    const res = await post('/api/inspections', inspector, await submission(site.id, {}, answers));
    const deadline: string = res.json().hazards[0].deadline;
    const [stored] = await t.database.db.select().from(sites).where(eq(sites.id, site.id));
    expect(stored!.colour).toBe('yellow');
    expect(stored!.colourDueAt).not.toBeNull();
    const later = new Date(stored!.colourDueAt!.getTime() + 1000);
    await t.database.db.transaction((tx) => refreshSiteColour(tx, site.id, '逾期', later));
    const [after] = await t.database.db.select().from(sites).where(eq(sites.id, site.id));
    expect(after!.colour).toBe('orange');
    expect(siteColour((await loadColourState(t.database.db, site.id))!, later)).toBe('orange');
    expect(later.toISOString() > `${deadline}T15:59:59Z`).toBe(true);
  });
});
