import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Area, BatchDecision, Site } from '@anxun/contracts';
import { baseUrl, deskSessions, screenshot } from './browser.ts';

/**
 * 专项行动 at the desk: the command centre creates a campaign over the town, builds its zone and
 * squad, assigns a community's sites to the squad in bulk and plans the weekly targets backwards;
 * an enterprise is proposed for a batch and the village secretary signs it off.
 */

const shanghaiDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const NAME = `除险保安百日攻坚（e2e ${Date.now() % 100000}）`;

const sessions = deskSessions();
let campaignId = '';

const deskPage = (username: string) => sessions.page(username);

afterAll(() => sessions.close());

async function pickArea(page: Page, scope: string, ...names: string[]) {
  await page.locator(`${scope} .ant-tree-select`).first().click();
  for (const [i, name] of names.entries()) {
    const node = page.locator('.ant-select-tree-treenode', { hasText: name }).first();
    if (i < names.length - 1) await node.locator('.ant-select-tree-switcher').click();
    else await node.locator('.ant-select-tree-node-content-wrapper').click();
  }
}

describe('campaigns (专项行动)', () => {
  let desk: Page;

  it('the command centre creates a campaign over the town', async () => {
    desk = await deskPage('command');
    await desk.getByTestId('nav-campaigns').click();
    await desk.getByTestId('campaigns-title').waitFor();
    await desk.getByTestId('campaign-add').click();
    await desk.getByTestId('campaign-form-name').fill(NAME);
    await pickArea(desk, '.ant-modal', '瓜沥镇');
    const range = desk.locator('.ant-modal .ant-picker-range input');
    await range.nth(0).click();
    await range.nth(0).fill(shanghaiDay(-7));
    await range.nth(0).press('Enter');
    await range.nth(1).fill(shanghaiDay(49));
    await range.nth(1).press('Enter');
    await desk.getByTestId('campaign-form-submit').click();
    await desk.getByTestId('campaign-title').waitFor();
    campaignId = desk.url().split('/campaigns/')[1]!.split('?')[0]!;
    expect(campaignId).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(async () => Number(await desk.getByTestId('campaign-sites-in-scope').locator('.ant-statistic-content-value').innerText().then((s) => s.replace(/,/g, '')))).toBeGreaterThan(0);
  });

  it('builds a zone and a squad with its leader', async () => {
    await desk.getByTestId('campaign-tab-organisation').click();
    await desk.getByTestId('org-add-zone').click();
    await desk.getByTestId('unit-form-name').fill('第一片区');
    await desk.getByTestId('unit-form-submit').click();
    const zone = desk.locator('[data-testid^="unit-"]', { hasText: '第一片区' }).first();
    await zone.waitFor();
    await desk.locator('[data-testid^="unit-add-child-"]').first().click();
    await desk.getByTestId('unit-form-name').fill('第一小组');
    await desk.getByTestId('unit-form-submit').click();
    await desk.locator('[data-testid^="unit-name-"]', { hasText: '第一小组' }).waitFor();
    const squadId = (await desk.locator('[data-testid^="unit-name-"]', { hasText: '第一小组' }).getAttribute('data-testid'))!.replace('unit-name-', '');
    await desk.getByTestId(`unit-add-member-${squadId}`).click();
    await desk.getByTestId('member-form-name').fill('王建国');
    await desk.getByTestId('member-form-duty').fill('组长');
    await desk.getByTestId('member-form-leader').check();
    await desk.getByTestId('member-form-submit').click();
    await desk.getByTestId(`unit-members-${squadId}`).getByText('王建国').waitFor();
    await screenshot(desk, 'campaign-organisation');
  });

  it('assigns a community to the squad in bulk and plans the weekly targets', async () => {
    await desk.getByTestId('campaign-tab-assignment').click();
    const unassigned = desk.getByTestId('assign-unassigned');
    await unassigned.waitFor();
    const before = Number((await unassigned.innerText()).match(/\d[\d,]*/)![0].replace(/,/g, ''));
    await pickArea(desk, '.ant-card', '瓜沥镇', '瓜沥社区');
    await desk.getByTestId('assign-unit').click();
    await desk.locator('.ant-select-item-option', { hasText: '第一小组' }).click();
    await desk.getByTestId('assign-bulk-submit').click();
    await expect.poll(async () => Number(((await unassigned.innerText()).match(/\d[\d,]*/) ?? ['0'])[0].replace(/,/g, '')), { timeout: 15_000 }).toBeLessThan(before);
    await screenshot(desk, 'campaign-assignment', { fullPage: false });

    await desk.getByTestId('campaign-tab-targets').click();
    await desk.getByTestId('targets-plan').click();
    await desk.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(async () => desk.locator('[data-testid^="target-"]').filter({ hasText: /排查 \d+\/\d+/ }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await desk.locator('.ant-popconfirm').waitFor({ state: 'hidden' });
    await screenshot(desk, 'campaign-targets', { fullPage: false });
  });

  it('puts an enterprise in a batch; the village secretary signs it off', async () => {
    const [town] = (await (await desk.request.get(`${baseUrl()}/api/areas`)).json()) as Area[];
    const villages = (await (await desk.request.get(`${baseUrl()}/api/areas?parentId=${town!.id}`)).json()) as Area[];
    const community = villages.find((v) => v.name === '瓜沥社区')!;
    const sites = (await (await desk.request.get(`${baseUrl()}/api/sites?areaId=${community.id}&kind=enterprise&pageSize=1`)).json()) as { items: Site[] };
    const proposed = await desk.request.post(`${baseUrl()}/api/campaigns/${campaignId}/batches`, { data: { siteId: sites.items[0]!.id, batch: 'upgrade', reason: '消防通道被占用、夹芯板隔断，需整改提升' } });
    expect(proposed.status(), await proposed.text()).toBe(201);
    const decision = (await proposed.json()) as BatchDecision;

    const village = await deskPage('village');
    await village.goto(`${baseUrl()}/campaigns/${campaignId}?tab=batches`);
    await village.getByTestId(`batch-sign-${decision.id}-village_secretary`).click();
    await village.getByTestId('batch-sign-comment').fill('同意，限期一个月');
    await village.getByTestId('batch-sign-submit').click();
    await expect.poll(() => village.getByTestId(`batch-sign-${decision.id}-village_secretary`).count()).toBe(0);
    await screenshot(village, 'campaign-batches', { fullPage: false });
    const after = (await (await village.request.get(`${baseUrl()}/api/campaigns/${campaignId}/batches`)).json()) as { items: BatchDecision[] };
    expect(after.items.find((d) => d.id === decision.id)!.signoffs.map((s) => s.role)).toEqual(['village_secretary']);
  });
});
