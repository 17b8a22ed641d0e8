import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { sites } from '../../src/modules/sites/schema.ts';
import { users } from '../../src/modules/users/schema.ts';
import { ROLES } from '@anxun/contracts';
import { buildTestApp, type TestApp } from '../helpers.ts';
import { auditEvents } from '../../src/modules/audit/schema.ts';
import { suspensions, yellowCards } from '../../src/modules/site-orders/schema.ts';
import { ENDPOINTS, SELF_ENDPOINTS, type Request } from './endpoints.ts';
import { scopeFixture, type ScopeFixture } from './fixture.ts';
import { closedLoopFixture } from './closed-loop-fixture.ts';
import { importsFixture } from './imports-fixture.ts';
import { ordersFixture } from './orders-fixture.ts';
import { nailsFixture } from './nails-fixture.ts';
import { campaignsFixture } from './campaigns-fixture.ts';

let t: TestApp;
let f: ScopeFixture;
let n = 0;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  t = await buildTestApp();
  const base = await scopeFixture(t);
  f = { ...base, ...(await closedLoopFixture(t, base.siteA, base.siteB, base.userA.id)), ...(await ordersFixture(t, base.tree.microA, base.siteA, base.siteB, base.userA.id)),
    ...(await importsFixture(t, { in: base.tree.microA.code, out: base.tree.microB.code }, base.userB.id)),
    ...(await nailsFixture(t, base.tree)),
    ...(await campaignsFixture(t, base.tree.villageA, base.tree.villageB, base.tree.microA, base.siteB)),
  };
});
afterAll(() => t.close());

async function send(req: Request, cookie: string) {
  let payload: unknown = req.payload;
  if (req.multipart) {
    const form = new FormData();
    form.append('kind', req.multipart.kind);
    form.append('file', new Blob([PNG], { type: 'image/png' }), 'p.png');
    payload = form;
  }
  if (req.file) {
    const form = new FormData();
    form.append('file', new Blob([req.file.data], { type: req.file.type }), req.file.fileName);
    payload = form;
  }
  if (req.stream) return openStream(req, cookie);
  return t.app.inject({ method: req.method, url: req.url, headers: { cookie }, payload: payload as never });
}

/** An open stream never ends, so its status is taken from the headers; a refusal is read whole. */
async function openStream(req: Request, cookie: string) {
  const res = await t.app.inject({ method: req.method, url: req.url, headers: { cookie }, payloadAsStream: true });
  const stream = res.stream();
  let body = '';
  if (res.statusCode < 300) stream.destroy();
  else for await (const chunk of stream) body += String(chunk);
  return { statusCode: res.statusCode, body, json: () => JSON.parse(body) as { importId: string } };
}

async function validRowsOf(importId: string, cookie: string): Promise<number> {
  for (let i = 0; i < 100; i++) {
    const preview = (await t.app.inject({ method: 'GET', url: `/api/site-imports/${importId}`, headers: { cookie } })).json();
    if (preview.status !== 'validating') return preview.validRows;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import never finished validating');
}

const auditCount = async () => (await t.database.db.select({ n: count() }).from(auditEvents))[0]!.n;

describe('area scope × role × endpoint', () => {
  it('covers every API endpoint in the OpenAPI document', () => {
    const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(spec.paths).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`));
    const covered = new Set([...ENDPOINTS.map((e) => e.route), ...SELF_ENDPOINTS]);
    expect(documented.filter((r) => !covered.has(r))).toEqual([]);
  });

  for (const endpoint of ENDPOINTS) {
    describe(endpoint.route, () => {
      for (const role of ROLES) {
        const allowed = endpoint.allowed.includes(role);
        it(`${role}: ${allowed ? 'works inside the scope' : 'is refused'}, never reaches outside`, async () => {
          const cookie = f.actors[role];
          const before = await auditCount();
          const inside = await send(endpoint.build(f, 'in', ++n, role), cookie);
          if (allowed) {
            expect(inside.statusCode, inside.body).toBeLessThan(300);
          } else {
            expect([400, 403, 404], inside.body).toContain(inside.statusCode);
            expect(await auditCount()).toBe(before);
          }

          const afterInside = await auditCount();
          const outside = await send(endpoint.build(f, 'out', ++n, role), cookie);
          if (endpoint.outAudited) {
            // A roster naming areas outside the scope is accepted as a file, and every row is refused.
            if (allowed) expect(await validRowsOf(outside.json().importId, cookie)).toBe(0);
            return;
          }
          if (endpoint.kind === 'list' && endpoint.hiddenId) {
            if (outside.statusCode < 300) expect(outside.body).not.toContain(endpoint.hiddenId(f));
          } else if (endpoint.kind !== 'list') {
            expect(outside.statusCode, outside.body).toBeGreaterThanOrEqual(400);
            if (allowed && endpoint.outStatus) expect(outside.statusCode, outside.body).toBe(endpoint.outStatus);
          }
          expect(await auditCount()).toBe(afterInside);
        });
      }
    });
  }

  it('changes nothing outside the scope', async () => {
    const [siteB] = await t.database.db.select().from(sites).where(eq(sites.id, f.siteB.id));
    expect(siteB).toEqual(f.siteB);
    const [userB] = await t.database.db.select({ displayName: users.displayName }).from(users).where(eq(users.id, f.userB.id));
    expect(userB!.displayName).not.toBe('越权改名');
    expect(await f.attachmentCount(f.siteB.id)).toBe(1);
    const [cardB] = await t.database.db.select({ resolvedAt: yellowCards.resolvedAt }).from(yellowCards).where(eq(yellowCards.id, f.orders.cardB));
    expect(cardB!.resolvedAt).toBeNull();
    expect(await t.database.db.select().from(suspensions).where(eq(suspensions.siteId, f.siteB.id))).toEqual([]);
    expect(await f.nails.stateOfB()).toEqual(f.nails.initialB);
  });

  it('answers 401 without a session', async () => {
    for (const endpoint of ENDPOINTS) {
      const res = await send(endpoint.build(f, 'in', ++n, 'admin'), '');
      expect(res.statusCode, endpoint.route).toBe(401);
    }
  });
});
