import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import fs from 'node:fs';
import sharp from 'sharp';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { CheckItem, CombinedForm, HazardSummary, SiteDetail } from '@anxun/contracts';
import { baseUrl, launch, loginAs, screenshot } from './browser.ts';

/**
 * The closed loop at phone size: an inspector finds a hazard at a never-inspected (grey) site,
 * the party is told by SMS, logs in with an SMS code and reports the fix with a photo, the
 * inspector re-inspects and closes it, and the site turns green with a close-out SMS.
 */

const poll = <T>(fn: () => Promise<T> | T, timeout = 60_000) => expect.poll(fn, { timeout, interval: 250 });

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' } as const;
const GUALI = { longitude: 120.44, latitude: 30.16 };

interface Sms {
  template: string;
  body: string;
  status: string;
}

let browser: Browser;
let inspectorContext: BrowserContext;
let partyContext: BrowserContext;
let deskContext: BrowserContext;
let inspector: Page;
let party: Page;
/** The command centre at its desk, watching the loop close. */
let desk: Page;

/** What the journey learns on the way and later steps check against. */
const journey = {
  site: null as unknown as SiteDetail,
  form: null as unknown as CombinedForm,
  failing: null as unknown as CheckItem,
  noticeId: '',
  noticeNumber: '',
  hazardId: '',
  description: '现场不符合要求，已拍照留证（e2e）',
};

let hazardPhoto: Buffer;
let okPhoto: Buffer;
let fixedPhoto: Buffer;

/** A camera-sized JPEG with a label, so the screenshots show which photo went where. */
async function photo(background: string, label: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900">
    <rect x="60" y="60" width="1080" height="780" rx="40" fill="none" stroke="#fff" stroke-width="24"/>
    <text x="600" y="500" font-size="160" font-family="sans-serif" font-weight="bold" fill="#fff" text-anchor="middle">${label}</text>
  </svg>`;
  return sharp({ create: { width: 1200, height: 900, channels: 3, background } })
    .composite([{ input: Buffer.from(svg) }])
    .jpeg({ quality: 80 })
    .toBuffer();
}

const file = (name: string, buffer: Buffer) => ({ name, mimeType: 'image/jpeg', buffer });

async function json<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(`${baseUrl()}${url}`);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
}

/** Messages to the site's phone about this site (another site may share the phone). */
const smsOf = async (page: Page, template: string) =>
  (await json<Sms[]>(page, `/api/sites/${journey.site.id}/sms`)).filter((m) => m.template === template && m.body.includes(journey.site.name.slice(0, 20)));

/** The newest login code the console SMS provider printed for this phone. */
function loginCodeFor(phone: string): string | undefined {
  const log = fs.readFileSync(inject('serverLog'), 'utf8');
  const codes = [...log.matchAll(new RegExp(`\\[sms:console\\] to ${phone}: 【安巡】您的登录验证码为 (\\d{6})`, 'g'))];
  return codes.at(-1)?.[1];
}

/** A value on the passing side of a number item's threshold (the threshold names the failing side). */
function passingValue(item: CheckItem): string {
  const threshold = item.threshold;
  if (!threshold) return '1';
  const { op, value } = threshold;
  if (op === '<' || op === '<=') return String(value + 1);
  return String(value > 0 ? value / 2 : value - 1);
}

const needsPhoto = (item: CheckItem) => item.photoRequired || item.answerType === 'photo';

/** Number of painted pixels on a canvas: the signature must really be drawn, not just accepted. */
interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } };
}
const inkOf = (canvas: Locator) =>
  canvas.evaluate((node) => {
    const pad = node as unknown as CanvasLike;
    const data = pad.getContext('2d').getImageData(0, 0, pad.width, pad.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted += 1;
    return painted;
  });

/** A hand signature drawn with the finger: two touch strokes across the pad. */
async function signWithFinger(page: Page, pad: Locator) {
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  const cdp = await page.context().newCDPSession(page);
  const strokes = [
    Array.from({ length: 24 }, (_, i) => ({ x: box.x + box.width * (0.12 + 0.34 * (i / 23)), y: box.y + box.height * (0.55 - 0.25 * Math.sin((i / 23) * Math.PI * 2)) })),
    Array.from({ length: 24 }, (_, i) => ({ x: box.x + box.width * (0.5 + 0.38 * (i / 23)), y: box.y + box.height * (0.35 + 0.3 * (i / 23) + 0.08 * Math.sin((i / 23) * Math.PI * 4)) })),
  ];
  for (const points of strokes) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: points[0]!.x, y: points[0]!.y }] });
    for (const point of points.slice(1)) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: point.x, y: point.y }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  }
  await cdp.detach();
}

/** The phone app is laid out for the phone: nothing wider than the screen, no sideways scrolling. */
async function expectFitsPhone(page: Page) {
  expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.viewport.width);
}

/** How many of the images under `scope` have arrived and decoded (a broken or pending one has no width). */
const loadedImages = (scope: Locator) =>
  scope.locator('img').evaluateAll((images) => images.filter((img) => (img as unknown as { complete: boolean; naturalWidth: number }).complete && (img as unknown as { naturalWidth: number }).naturalWidth > 0).length);

/** Uploaded photos of a photo strip (an uploaded one is a link to the file; a pending one is not). */
const uploaded = (scope: Locator) => scope.locator('.axm-photo a img');

beforeAll(async () => {
  [hazardPhoto, okPhoto, fixedPhoto] = await Promise.all([photo('#c0392b', 'HAZARD'), photo('#5d6d7e', 'OK'), photo('#27ae60', 'FIXED')]);
  browser = await launch();
  inspectorContext = await browser.newContext({ ...PHONE, geolocation: GUALI, permissions: ['geolocation'] });
  partyContext = await browser.newContext(PHONE);
  // Tall enough for the hazard page, so its screenshot needs no full-page capture (which can catch
  // the side menu mid-animation).
  deskContext = await browser.newContext({ viewport: { width: 1440, height: 1200 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  for (const context of [inspectorContext, partyContext, deskContext]) context.setDefaultTimeout(60_000);
  inspector = await inspectorContext.newPage();
  party = await partyContext.newPage();
  desk = await deskContext.newPage();
});
afterAll(() => browser?.close());

describe('closed loop on the phone: inspect → SMS → party fixes → re-inspect → green', () => {
  it('the inspector logs in on the phone and opens a site never inspected (grey)', async () => {
    await inspector.goto(`${baseUrl()}/m`);
    await inspector.getByTestId('m-login-username').waitFor();
    expect(new URL(inspector.url()).pathname).toBe('/m/login');
    await inspector.getByTestId('m-login-username').fill('inspector');
    await inspector.getByTestId('m-login-password').fill('Anxun@2026');
    await screenshot(inspector, 'm-01-login');
    await inspector.getByTestId('m-login-submit').click();
    await inspector.getByTestId('m-tab-nearby').waitFor();

    // A grey site in the inspector's village whose phone the party can log in with.
    const grey = await json<{ items: SiteDetail[] }>(inspector, '/api/sites?colour=grey&pageSize=50');
    const candidate = grey.items.find((site) => site.phone && /^1\d{10}$/.test(site.phone) && site.location);
    expect(candidate, 'a grey site with a mobile phone in the inspector scope').toBeTruthy();
    journey.site = await json<SiteDetail>(inspector, `/api/sites/${candidate!.id}`);
    expect(journey.site.colour).toBe('grey');
    await inspectorContext.setGeolocation({ longitude: journey.site.location!.lng, latitude: journey.site.location!.lat, accuracy: 10 });

    await inspector.getByTestId('m-tab-search').click();
    await inspector.getByTestId('m-search').locator('input').fill(journey.site.name);
    const card = inspector.locator(`[data-testid="m-site-card"][data-id="${journey.site.id}"]`);
    await card.waitFor();
    await poll(() => card.innerText()).toContain(journey.site.name);
    await expectFitsPhone(inspector);
    await screenshot(inspector, 'm-02-search');
    await card.click();
    await poll(() => inspector.locator('.axm-site-title').innerText()).toContain(journey.site.name);
    await poll(() => inspector.locator('.axm-desc').innerText()).toContain('未检查');
    await poll(() => inspector.locator('body').innerText()).toContain('暂无未销号隐患');
    await expectFitsPhone(inspector);
    await screenshot(inspector, 'm-03-site-grey');
  }, 180_000);

  it('answers every item as pass, fails one with a photo, has the party sign, and submits', async () => {
    journey.form = await json<CombinedForm>(inspector, `/api/sites/${journey.site.id}/combined-form`);
    const items = journey.form.groups.flatMap((group) => group.items);
    journey.failing = items.find((item) => item.answerType === 'pass_fail' && item.defaultLevel === 'general' && item.defaultMode === 'deadline')!;
    expect(journey.failing, 'a general pass/fail item with a deadline').toBeTruthy();

    await inspector.getByTestId('m-start-inspection').click();
    const progress = inspector.getByTestId('m-progress');
    await progress.waitFor();
    await poll(() => progress.getAttribute('data-total')).toBe(String(items.length));
    expect(await progress.getAttribute('data-answered')).toBe('0');
    await screenshot(inspector, 'm-04-form', { fullPage: false });

    // 全部合格 per department: everything that needs no measurement or pick.
    const allPass = inspector.getByTestId('m-group-all-pass');
    const groups = await allPass.count();
    expect(groups).toBe(journey.form.groups.filter((group) => group.items.length).length);
    for (let i = 0; i < groups; i++) await allPass.nth(i).click();
    await poll(() => inspector.getByTestId('m-toast').innerText()).toMatch(/已将 \d+ 项设为合格|项需测量或选择/);

    const item = (code: string) => inspector.locator(`[data-testid="m-item"][data-code="${code}"]`);
    // Measurements on the passing side; choices with several passing options get the first.
    for (const number of items.filter((i) => i.answerType === 'number')) {
      await item(number.code).getByTestId('m-answer-number').fill(passingValue(number));
      await poll(() => item(number.code).getAttribute('data-result')).toBe('pass');
    }
    for (const choice of items.filter((i) => i.answerType === 'choice')) {
      if ((await item(choice.code).getAttribute('data-result')) === '') await item(choice.code).getByTestId('m-answer-pass').click();
      await poll(() => item(choice.code).getAttribute('data-result')).toBe('pass');
    }
    await poll(() => progress.getAttribute('data-answered')).toBe(String(items.length));

    // The one finding: failed, photographed, described.
    const failing = item(journey.failing.code);
    await failing.scrollIntoViewIfNeeded();
    await failing.getByTestId('m-answer-fail').click();
    await poll(() => failing.getAttribute('data-result')).toBe('fail');
    await failing.getByTestId('m-photo-input').first().setInputFiles(file('hazard.jpg', hazardPhoto));
    await failing.getByTestId('m-hazard-description').fill(journey.description);

    // Items that always need a photo get one (the pass is documented, as on site).
    for (const needing of items.filter((i) => needsPhoto(i) && i.id !== journey.failing.id)) {
      await item(needing.code).getByTestId('m-photo-input').first().setInputFiles(file(`${needing.code}.jpg`, okPhoto));
    }
    await poll(() => uploaded(failing).count(), 90_000).toBe(1);
    for (const needing of items.filter(needsPhoto)) await poll(() => uploaded(item(needing.code)).count(), 90_000).toBe(1);
    // The thumbnail came back from the server and decoded (pixels, not a broken image).
    await poll(() => loadedImages(failing.locator('.axm-photo a'))).toBe(1);

    await poll(() => progress.innerText()).toContain('隐患 1');
    await failing.scrollIntoViewIfNeeded();
    await screenshot(inspector, 'm-05-hazard-item', { fullPage: false });
    await poll(() => inspector.getByTestId('m-summary').innerText()).toBe('本次检查发现隐患 1 项');

    // The party signs with a finger, gives name and mobile number.
    const pad = inspector.getByTestId('m-signature-pad');
    expect(await inkOf(pad)).toBe(0);
    await signWithFinger(inspector, pad);
    await poll(() => inkOf(pad)).toBeGreaterThan(500);
    await inspector.getByTestId('m-signer-name').fill(journey.site.responsiblePerson ?? '王老板');
    await inspector.getByTestId('m-signer-phone').fill(journey.site.phone!);
    await inspector.getByTestId('m-signer-phone').scrollIntoViewIfNeeded();
    await expectFitsPhone(inspector);
    await screenshot(inspector, 'm-06-signature', { fullPage: false });

    await inspector.getByTestId('m-submit').click();
    const result = inspector.getByTestId('m-result');
    await result.waitFor({ timeout: 90_000 });
    expect(await result.getAttribute('data-hazards')).toBe('1');
    expect(await result.getAttribute('data-colour')).toBe('yellow');
    await poll(() => result.innerText()).toContain('发现隐患 1 项');
    const notice = inspector.getByTestId('m-notice-link');
    journey.noticeNumber = (await notice.innerText()).trim();
    expect(journey.noticeNumber).toMatch(/〔\d{4}〕\d+号$/);
    journey.noticeId = /\/api\/notices\/([0-9a-f-]{36})\/pdf/.exec((await notice.getAttribute('href')) ?? '')?.[1] ?? '';
    expect(journey.noticeId).not.toBe('');
    await expectFitsPhone(inspector);
    await screenshot(inspector, 'm-07-result');

    const hazards = await json<{ items: HazardSummary[] }>(inspector, `/api/hazards?siteId=${journey.site.id}`);
    expect(hazards.items).toHaveLength(1);
    expect(hazards.items[0]).toMatchObject({ checkItemCode: journey.failing.code, status: 'open', level: 'general', mode: 'deadline' });
    journey.hazardId = hazards.items[0]!.id;
  }, 480_000);

  it('sends the party a hazard_notice SMS naming the site and the notice', async () => {
    await poll(async () => (await smsOf(inspector, 'hazard_notice')).length, 60_000).toBe(1);
    const [sms] = await smsOf(inspector, 'hazard_notice');
    expect(sms!.body).toContain(journey.failing.code);
    // The link to the notice (its form is the server's business; it names the notice).
    expect(sms!.body).toContain(journey.noticeId);
  }, 120_000);

  it('the party logs in with an SMS code and reports the fix with a photo (待复查)', async () => {
    const phone = journey.site.phone!;
    await party.goto(`${baseUrl()}/login`);
    await party.getByRole('tab', { name: '当事人登录' }).click();
    await party.getByTestId('party-phone').fill(phone);
    const before = loginCodeFor(phone);
    await party.getByTestId('party-send-code').click();
    await poll(() => loginCodeFor(phone) !== undefined && loginCodeFor(phone) !== before, 60_000).toBe(true);
    await party.getByTestId('party-code').fill(loginCodeFor(phone)!);
    await screenshot(party, 'm-08-party-login');
    await party.getByTestId('party-submit').click();
    await poll(() => new URL(party.url()).pathname, 60_000).not.toBe('/login');

    // Their hazard ledger lists this hazard (and, being the party, only hazards of their own sites).
    await party.goto(`${baseUrl()}/hazards?siteId=${journey.site.id}`);
    const link = party.locator(`[data-testid="hazard-link"][href="/hazards/${journey.hazardId}"]`);
    await link.waitFor();
    await poll(() => party.getByTestId('hazards-table').locator('tbody tr.ant-table-row').count()).toBe(1);
    expect(await link.innerText()).toBe(journey.description);
    await screenshot(party, 'm-09-party-ledger', { fullPage: false });
    // At phone width the ledger is one stacked column: nothing scrolls sideways, the link is tappable.
    expect(await party.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.viewport.width);
    await link.click();
    const status = party.getByTestId('hazard-status');
    await poll(() => status.getAttribute('data-status')).toBe('open');
    expect(await status.innerText()).toBe('待整改');
    await poll(() => party.getByTestId('hazard-descriptions').innerText()).toContain(journey.noticeNumber);
    await poll(() => loadedImages(party.getByTestId('hazard-photos-before'))).toBe(1);
    expect(await party.getByTestId('hazard-title').innerText()).toBe(journey.description);
    await screenshot(party, 'm-10-party-hazard', { fullPage: false });

    await party.getByTestId('hazard-action-submit_rectification').click();
    const modal = party.getByTestId('hazard-action-modal-submit_rectification');
    await modal.waitFor();
    await modal.getByTestId('photo-uploader').locator('input[type=file]').setInputFiles(file('fixed.jpg', fixedPhoto));
    // Uploaded to the server (antd marks the tile done), and its thumbnail shows.
    await poll(() => modal.locator('.ant-upload-list-item-done').count()).toBe(1);
    await poll(() => loadedImages(modal.locator('.ant-upload-list'))).toBe(1);
    await screenshot(party, 'm-11-party-evidence', { fullPage: false });
    await party.getByTestId('hazard-action-confirm').click();
    await modal.waitFor({ state: 'detached' });

    await poll(() => status.getAttribute('data-status')).toBe('pending_review');
    expect(await status.innerText()).toBe('待复查');
    await poll(() => loadedImages(party.getByTestId('hazard-photos-after'))).toBe(1);
    await poll(() => party.getByTestId('hazard-timeline').locator('[data-action="submit_rectification"]').count()).toBe(1);
    await screenshot(party, 'm-12-party-submitted', { fullPage: false });
  }, 300_000);

  it('the inspector re-inspects on the phone and closes the hazard (已销号)', async () => {
    await inspector.goto(`${baseUrl()}/m/sites/${journey.site.id}`);
    await poll(() => inspector.locator('body').innerText()).toContain('待复查');
    await inspector.getByTestId('m-reinspect').click();
    const row = inspector.locator(`[data-testid="m-hazard-item"][data-hazard-id="${journey.hazardId}"]`);
    await row.waitFor();
    await row.getByTestId('m-fixed').click();
    await row.getByTestId('m-photo-input').setInputFiles(file('after.jpg', fixedPhoto));
    await poll(() => loadedImages(row.locator('.axm-photo a'))).toBe(1);
    await row.getByTestId('m-note').fill('复查确认已整改到位（e2e）');
    await expectFitsPhone(inspector);
    await screenshot(inspector, 'm-13-reinspect');
    await inspector.getByTestId('m-submit').click();
    const result = inspector.getByTestId('m-result');
    await result.waitFor({ timeout: 90_000 });
    await poll(() => result.innerText()).toContain('已整改销号 1 项');
    expect(await result.getAttribute('data-colour')).toBe('green');
    await screenshot(inspector, 'm-14-reinspect-result');

    // At the command centre's desk the hazard shows closed, with the whole history.
    await loginAs(desk, 'command');
    await desk.goto(`${baseUrl()}/hazards/${journey.hazardId}`);
    const status = desk.getByTestId('hazard-status');
    await poll(() => status.getAttribute('data-status')).toBe('closed');
    expect(await status.innerText()).toBe('已销号');
    const timeline = desk.getByTestId('hazard-timeline');
    for (const action of ['submit_rectification', 'reinspect_fixed']) await poll(() => timeline.locator(`[data-action="${action}"]`).count()).toBe(1);
    // Before: the inspector's photo; after: the party's evidence and the re-inspection photo.
    await poll(() => loadedImages(desk.getByTestId('hazard-photos-before'))).toBe(1);
    await poll(() => loadedImages(desk.getByTestId('hazard-photos-after'))).toBe(2);
    await poll(() => loadedImages(timeline)).toBe(3);
    await screenshot(desk, 'm-15-hazard-closed', { fullPage: false });
  }, 300_000);

  it('the site archive shows green and the party got the close-out SMS', async () => {
    await desk.goto(`${baseUrl()}/sites/${journey.site.id}`);
    await poll(() => desk.getByTestId('site-archive-title').innerText()).toContain(journey.site.name);
    const tag = desk.locator('[data-colour]').first();
    await poll(() => tag.getAttribute('data-colour')).toBe('green');
    expect((await tag.innerText()).trim()).toBe('绿');
    // The dot is painted the five-colour green (#389e0d).
    expect(await tag.locator('.ax-dot').evaluate((dot) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(dot).backgroundColor)).toBe('rgb(56, 158, 13)');
    await desk.getByTestId('site-tab-colours').click();
    // Newest first: yellow → green at the close-out, after grey → yellow at the inspection.
    const history = desk.getByTestId('site-colour-history');
    await history.waitFor();
    await poll(() => history.locator('[data-colour]').evaluateAll((tags) => tags.map((tag) => tag.getAttribute('data-colour')))).toEqual(['yellow', 'green', 'grey', 'yellow']);
    expect(await history.innerText()).toContain('绿');
    await screenshot(desk, 'm-16-site-green', { fullPage: false });

    await poll(async () => (await smsOf(inspector, 'close_out')).length, 60_000).toBe(1);
    const [closeOut] = await smsOf(inspector, 'close_out');
    expect(closeOut!.body).toContain(journey.site.name);
    expect(closeOut!.body).toContain('已复查合格，予以销号');
    const site = await json<SiteDetail>(inspector, `/api/sites/${journey.site.id}`);
    expect(site.colour).toBe('green');
  }, 180_000);
});
