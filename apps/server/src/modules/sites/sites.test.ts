import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/helpers.ts';
import { areaTree, creditCode, insertSite, insertUser } from '../../../test/factories.ts';
import { verifyAuditLog } from '../audit/verify.ts';

let t: TestApp;
let tree: Awaited<ReturnType<typeof areaTree>>;
let cookie: string;

beforeAll(async () => {
  t = await buildTestApp();
  tree = await areaTree(t.database.db);
  const village = await insertUser(t.database.db, ['village'], [tree.villageA]);
  cookie = await t.login(village.username);
});
afterAll(() => t.close());

const validSite = () => ({
  kind: 'enterprise',
  flags: ['factory_in_factory'],
  name: '杭州瓜沥恒达机械有限公司',
  creditCode: creditCode(4242),
  address: '瓜沥镇东恩村工业路 8 号',
  location: { lng: 120.501, lat: 30.201 },
  areaId: tree.microA.id,
  responsiblePerson: '王建国',
  phone: '13905710001',
  industry: '机械制造',
  riskLevel: 'yellow',
  employees: 35,
  floorArea: 2400,
});

describe('sites', () => {
  it('creates a site, keeps its history and shows it in the timeline', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/sites', headers: { cookie }, payload: validSite() });
    expect(created.statusCode).toBe(201);
    const site = created.json();
    expect(site).toMatchObject({ name: '杭州瓜沥恒达机械有限公司', colour: 'grey', areaName: '东恩村第一微网格', allowed: { update: true } });
    expect(site.areaPath.map((a: { name: string }) => a.name)).toEqual(['萧山区', '瓜沥镇', '东恩村', '东恩村第一网格', '东恩村第一微网格']);

    const patched = await t.app.inject({ method: 'PATCH', url: `/api/sites/${site.id}`, headers: { cookie }, payload: { employees: 40, riskLevel: 'orange' } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ employees: 40, riskLevel: 'orange' });

    const timeline = (await t.app.inject({ method: 'GET', url: `/api/sites/${site.id}/timeline`, headers: { cookie } })).json();
    expect(timeline.map((e: { action: string }) => e.action)).toEqual(['site.updated', 'site.created']);
    expect(timeline[0].changes).toEqual([
      { field: 'employees', before: 35, after: 40 },
      { field: 'riskLevel', before: 'yellow', after: 'orange' },
    ]);
    expect(timeline[0].actorName).toMatch(/^测试village/);
    expect(await verifyAuditLog(t.database.db)).toEqual({ count: 2, breaks: [] });
  });

  it('converts GCJ-02 input to WGS-84', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/sites',
      headers: { cookie },
      payload: { ...validSite(), creditCode: null, name: '高德坐标测试店', kind: 'street_shop', location: { lng: 120.5, lat: 30.2 }, coordSystem: 'gcj02' },
    });
    expect(res.statusCode).toBe(201);
    const { lng, lat } = res.json().location;
    // GCJ-02 is offset roughly 450–550 m south-east of WGS-84 around Hangzhou.
    expect(120.5 - lng).toBeGreaterThan(0.003);
    expect(120.5 - lng).toBeLessThan(0.006);
    expect(lat).toBeGreaterThan(30.2);
    expect(lat).toBeLessThan(30.203);
  });

  it('refuses bad input with field errors in Chinese and English, writing nothing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/sites',
      headers: { cookie },
      payload: { ...validSite(), name: '坏数据', creditCode: '91330109000000000X', phone: '12345' },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    const paths = body.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(['body.creditCode', 'body.phone']);
    for (const d of body.details) {
      expect(d.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(d.messageEn).toMatch(/[A-Za-z]/);
    }
    const list = (await t.app.inject({ method: 'GET', url: '/api/sites?q=坏数据', headers: { cookie } })).json();
    expect(list.total).toBe(0);
  });

  it('reports a duplicate instead of doubling it', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/sites', headers: { cookie }, payload: { ...validSite(), name: '另一个名字' } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'duplicate_site', message: expect.stringContaining('统一社会信用代码已登记') });
  });

  it('lists with filters and paging inside the scope only', async () => {
    await insertSite(t.database.db, tree.microB, { name: '航民村外部企业' });
    const res = await t.app.inject({ method: 'GET', url: '/api/sites?pageSize=1&kind=enterprise', headers: { cookie } });
    const body = res.json();
    expect(body).toMatchObject({ total: 1, page: 1, pageSize: 1 });
    expect(body.items[0].name).toBe('杭州瓜沥恒达机械有限公司');
    const all = (await t.app.inject({ method: 'GET', url: '/api/sites?pageSize=100', headers: { cookie } })).json();
    expect(all.items.some((s: { name: string }) => s.name === '航民村外部企业')).toBe(false);
  });

  it('stores an image attachment with a thumbnail and refuses a non-image', async () => {
    const site = (await t.app.inject({ method: 'GET', url: '/api/sites?pageSize=1', headers: { cookie } })).json().items[0];
    const sharp = (await import('sharp')).default;
    const png = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#c00' } }).png().toBuffer();
    const form = new FormData();
    form.append('kind', 'photo');
    form.append('file', new Blob([png], { type: 'image/png' }), '门头照.png');
    const res = await t.app.inject({ method: 'POST', url: `/api/sites/${site.id}/attachments`, headers: { cookie }, payload: form });
    expect(res.statusCode).toBe(201);
    const attachment = res.json();
    expect(attachment).toMatchObject({ kind: 'photo', fileName: '门头照.png', mimeType: 'image/png', size: png.length });
    const thumb = await t.app.inject({ method: 'GET', url: attachment.thumbnailUrl, headers: { cookie } });
    expect(thumb.statusCode).toBe(200);
    expect((await sharp(thumb.rawPayload).metadata()).width).toBe(320);

    const fake = new FormData();
    fake.append('kind', 'photo');
    fake.append('file', new Blob([Buffer.from('not an image')], { type: 'image/jpeg' }), 'fake.jpg');
    const bad = await t.app.inject({ method: 'POST', url: `/api/sites/${site.id}/attachments`, headers: { cookie }, payload: fake });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('invalid_image');
    const detail = (await t.app.inject({ method: 'GET', url: `/api/sites/${site.id}`, headers: { cookie } })).json();
    expect(detail.attachments).toHaveLength(1);
  });
});
