import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { buildTestApp, type TestApp } from '../../../test/helpers.ts';
import { areaTree, insertDepartment, insertSite, insertUser } from '../../../test/factories.ts';
import { insertCheckItem, insertHazard, insertInspection, insertNotice } from '../../../test/closed-loop-rows.ts';
import { createStorage, readAll, type Storage } from '../../platform/storage/index.ts';
import { notices } from './schema.ts';
import { chineseDate, issuerOf, noticeData, type NoticeInput } from './data.ts';
import { renderNoticePdf } from './render.ts';
import { noticeFileKey, renderPendingNotices } from './service.ts';

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** The text of a PDF as poppler extracts it (what a reader's search or copy would see). */
function pdfText(pdf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'anxun-notice-')), 'n.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

const input = (over: Partial<NoticeInput> = {}): NoticeInput => ({
  notice: { number: '瓜沥安改〔2026〕0042号', createdAt: new Date('2026-03-05T08:00:00Z') },
  site: { name: '杭州测试五金有限公司', address: '瓜沥镇东恩村8号', responsiblePerson: '张建国', phone: '13905710001' },
  inspection: { endedAt: new Date('2026-03-04T16:30:00Z'), signature: null, refusal: { reason: '认为隐患不属实', witness: '网格员李华' } },
  inspector: { name: '王强', phone: '13800000001' },
  coInspectorNames: ['陈敏', '王强'],
  hazards: [
    { level: 'general', mode: 'deadline', deadline: '2026-03-20', description: '疏散通道堆放杂物', checkItem: { code: 'XF-03', text: '疏散通道是否畅通', legalBasis: '《中华人民共和国消防法》第二十八条' }, departmentName: '消防' },
    { level: 'major', mode: 'immediate', deadline: null, description: '飞线充电', checkItem: null, departmentName: '公安' },
    { level: 'general', mode: 'centralised', deadline: null, description: '人字顶棚', checkItem: null, departmentName: '消防' },
  ],
  townName: '瓜沥镇',
  signatureImage: null,
  ...over,
});

describe('noticeData (pure)', () => {
  it('words the hazards, dates and issuer as printed', () => {
    const data = noticeData(input());
    expect(data.inspectionDate).toBe('2026年3月5日'); // 00:30 on 5 March in Shanghai
    expect(data.inspectors).toEqual(['王强', '陈敏']);
    expect(data.departments).toEqual(['消防', '公安']);
    expect(data.hazards.map((h) => [h.seq, h.item, h.level, h.mode, h.deadline, h.legalBasis])).toEqual([
      [1, 'XF-03 疏散通道是否畅通', '一般', '限期整改', '2026年3月20日', '《中华人民共和国消防法》第二十八条'],
      [2, null, '重大', '即时整改', '立即整改', '—'],
      [3, null, '一般', '集中整改', '按统一部署', '—'],
    ]);
    expect(data.issuer).toBe('瓜沥镇人民政府');
    expect(data.signature).toEqual({ kind: 'refused', reason: '认为隐患不属实', witness: '网格员李华' });
    expect(data.instructions.some((i) => i.includes('六落实'))).toBe(true);
    expect(data.contact).toBe('王强，电话 13800000001');
  });

  it('asks for a treatment plan only when a hazard is major; names the issuer by town kind', () => {
    const general = noticeData(input({ hazards: [input().hazards[0]!] }));
    expect(general.instructions.some((i) => i.includes('六落实'))).toBe(false);
    expect(issuerOf('北干街道')).toBe('北干街道办事处');
    expect(issuerOf('河上乡')).toBe('河上乡人民政府');
    expect(issuerOf(null)).toBe('安全生产检查组');
    expect(chineseDate('2026-10-01')).toBe('2026年10月1日');
  });

  it('prints a signed notice with the signer and sign date', () => {
    const data = noticeData(input({ inspection: { endedAt: new Date(), refusal: null, signature: { signerName: '张建国', signerPhone: '13905710001', signedAt: '2026-03-05T01:00:00Z' } } }));
    expect(data.signature).toEqual({ kind: 'signed', signerName: '张建国', signerPhone: '13905710001', signedAt: '2026年3月5日', image: null });
  });
});

describe('renderNoticePdf', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await renderNoticePdf(noticeData(input()));
  });

  it('is a PDF with pages', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBeGreaterThan(0);
  });

  it.skipIf(!hasPdftotext)('carries the number, the site and the hazards as text (needs pdftotext from poppler-utils)', () => {
    const text = pdfText(pdf);
    for (const s of ['安全隐患整改通知书', '瓜沥安改〔2026〕0042号', '杭州测试五金有限公司', '疏散通道堆放杂物', '法律依据', '整改要求', '当事人拒绝签收', '网格员李华', '瓜沥镇人民政府']) {
      expect(text).toContain(s);
    }
  });

  it('breaks a long hazard list across pages', async () => {
    const many = input({ hazards: Array.from({ length: 30 }, () => input().hazards[0]!) });
    expect(pageCount(await renderNoticePdf(noticeData(many)))).toBeGreaterThan(1);
  });
});

describe('GET /api/notices/:id/pdf', () => {
  let t: TestApp;
  let storage: Storage;
  let noticeA: typeof notices.$inferSelect;
  let noticeB: typeof notices.$inferSelect;
  const cookies = {} as Record<'town' | 'party' | 'outsider', string>;
  const PARTY_PHONE = '19912340000';

  beforeAll(async () => {
    t = await buildTestApp();
    storage = createStorage(t.config);
    const db = t.database.db;
    const tree = await areaTree(db);
    const department = await insertDepartment(db);
    const inspector = await insertUser(db, ['inspector'], [tree.villageA], { phone: '13800000009' });
    const item = await insertCheckItem(db, department.id);
    const siteA = await insertSite(db, tree.microA, { phone: PARTY_PHONE, responsiblePerson: '张建国' });
    const siteB = await insertSite(db, tree.microB);
    const signature = await sharp({ create: { width: 240, height: 90, channels: 3, background: '#ffffff' } }).webp().toBuffer();
    await storage.put(`sites/${siteA.id}/sig.webp`, signature, 'image/webp');
    const visitA = await insertInspection(db, siteA, inspector.id, {
      signature: { imageKey: `sites/${siteA.id}/sig.webp`, signerName: '张建国', signerPhone: PARTY_PHONE, signedAt: new Date().toISOString() },
    });
    const h1 = await insertHazard(db, siteA, department.id, { inspectionId: visitA.id, checkItemId: item.id, description: '二层疏散通道堆放纸箱' });
    const h2 = await insertHazard(db, siteA, department.id, { inspectionId: visitA.id, level: 'major', mode: 'immediate', deadline: null, description: '电动自行车飞线充电' });
    noticeA = await insertNotice(db, siteA, visitA.id, [h2.id, h1.id], '瓜沥安改〔2026〕0007号');
    const visitB = await insertInspection(db, siteB, inspector.id, { refusal: { reason: '拒绝配合', witness: '村干部' } });
    noticeB = await insertNotice(db, siteB, visitB.id, []);
    cookies.town = await t.login((await insertUser(db, ['town'], [tree.town])).username);
    cookies.party = await t.login((await insertUser(db, ['party'], [], { phone: PARTY_PHONE })).username);
    cookies.outsider = await t.login((await insertUser(db, ['inspector'], [tree.villageB])).username);
  });
  afterAll(() => t.close());

  const get = (id: string, cookie: string) => t.app.inject({ method: 'GET', url: `/api/notices/${id}/pdf`, headers: { cookie } });
  const fileKeyOf = async (id: string) => (await t.database.db.select({ k: notices.fileKey }).from(notices).where(eq(notices.id, id)))[0]!.k;

  it('renders on first read, stores the file, and serves it inline under its Chinese name', async () => {
    expect(await fileKeyOf(noticeA.id)).toBeNull();
    const res = await get(noticeA.id, cookies.town);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `inline; filename="notice-${noticeA.id}.pdf"; filename*=UTF-8''${encodeURIComponent('整改通知书-瓜沥安改〔2026〕0007号.pdf')}`,
    );
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(res.rawPayload.toString('latin1')).toMatch(/\/Subtype \/Image/); // the party's signature
    expect(await fileKeyOf(noticeA.id)).toBe(noticeFileKey(noticeA.id));
    const stored = await readAll((await storage.get(noticeFileKey(noticeA.id)))!);
    expect(stored.equals(res.rawPayload)).toBe(true);

    const party = await get(noticeA.id, cookies.party);
    expect(party.statusCode).toBe(200);
    expect(party.rawPayload.equals(stored)).toBe(true);
  });

  it.skipIf(!hasPdftotext)('prints the notice’s hazards in its own order, with legal basis (needs pdftotext)', async () => {
    const text = pdfText((await get(noticeA.id, cookies.town)).rawPayload);
    expect(text).toContain('瓜沥安改〔2026〕0007号');
    expect(text.indexOf('电动自行车飞线充电')).toBeLessThan(text.indexOf('二层疏散通道堆放纸箱'));
    expect(text).toContain('《中华人民共和国消防法》'); // the legal basis of the check item (wrapped in its narrow column)
    expect(text).toContain('签收人：张建国');
  });

  it('answers 404 to those who cannot read the site, and for unknown notices', async () => {
    expect((await get(noticeA.id, cookies.outsider)).statusCode).toBe(404);
    expect((await get(noticeB.id, cookies.party)).statusCode).toBe(404);
    expect((await get(crypto.randomUUID(), cookies.town)).statusCode).toBe(404);
    expect(await fileKeyOf(noticeB.id)).toBeNull();
  });

  it('renderPendingNotices pre-renders what has no file yet', async () => {
    const result = await renderPendingNotices(t.database.db, storage);
    expect(result).toEqual({ rendered: [noticeB.id], failed: [] });
    expect(await fileKeyOf(noticeB.id)).toBe(noticeFileKey(noticeB.id));
    expect(await renderPendingNotices(t.database.db, storage)).toEqual({ rendered: [], failed: [] });
  });
});
