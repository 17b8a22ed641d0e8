import { afterAll, describe, expect, it } from 'vitest';
import type { Area, Campaign, NailDetail } from '@anxun/contracts';
import { baseUrl, deskSessions, screenshot } from './browser.ts';

/**
 * 拔钉除患 at the desk: the command centre adds a key nail to a campaign that starts today with
 * its plan and a milestone, the village answering for the area reports progress and completes the
 * milestone, the supervisor only reads, and the month's airing shows the movement.
 */

const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const TITLE = `人字顶厂房集中整治（e2e ${Date.now() % 100000}）`;

const sessions = deskSessions();
let campaign: Campaign;
let nailId = '';

const deskPage = (username: string) => sessions.page(username);

afterAll(() => sessions.close());

describe('nails (拔钉除患)', () => {
  it('the command centre adds a key nail with its plan and a milestone', async () => {
    const desk = await deskPage('command');
    const [town] = (await (await desk.request.get(`${baseUrl()}/api/areas`)).json()) as Area[];
    const created = await desk.request.post(`${baseUrl()}/api/campaigns`, {
      data: { name: `除险保安百日攻坚（e2e ${Date.now() % 100000}）`, areaId: town!.id, startsOn: shanghaiToday(), endsOn: '2099-12-31', siteKinds: ['enterprise', 'street_shop'] },
    });
    expect(created.status(), await created.text()).toBe(201);
    campaign = (await created.json()) as Campaign;

    await desk.goto(`${baseUrl()}/nails?campaign=${campaign.id}`);
    await desk.getByTestId('nails-title').waitFor();
    await desk.getByTestId('nail-add').click();
    // The campaign starts today, so a key nail is still allowed and offered first.
    await expect.poll(() => desk.locator('.ant-modal .ant-radio-button-wrapper-checked').innerText()).toBe('重点钉');
    await desk.locator('.ant-modal .ant-tree-select').click();
    await desk.locator('.ant-select-tree-switcher').first().click();
    await desk.locator('.ant-select-tree-node-content-wrapper', { hasText: '瓜沥社区' }).click();
    await desk.getByTestId('nail-form-title').fill(TITLE);
    await desk.locator('textarea#description').fill('东片工业区人字顶厂房耐火等级不足，彩钢夹芯板屋面');
    await desk.locator('textarea#plan_target').fill('年底前完成改造或拆除');
    await desk.locator('textarea#plan_measures').fill('一厂一方案：能改则改、该拆则拆');
    await desk.locator('input#plan_funds').fill('镇财政专项');
    await desk.locator('input#plan_responsible').fill('分管副镇长');
    await desk.getByTestId('nail-form-submit').click();
    await desk.getByTestId('nail-plan').waitFor();
    nailId = new URL(desk.url()).pathname.split('/').at(-1)!;
    await expect.poll(() => desk.getByTestId('nail-plan').innerText()).toContain('一厂一方案');

    await desk.getByTestId('milestone-add').click();
    await desk.getByTestId('milestone-title').fill('拆改方案定稿');
    // Typed rather than picked from the calendar: a click during the popup's opening animation can miss.
    const due = desk.getByTestId('milestone-due');
    await due.click();
    await due.fill(shanghaiToday());
    // Leaving the field commits the typed date (Enter would submit the inline form at once).
    await desk.getByTestId('milestone-title').click();
    await expect.poll(() => due.inputValue()).toBe(shanghaiToday());
    await desk.getByTestId('milestone-save').click();
    await desk.locator('.nails-milestone', { hasText: '拆改方案定稿' }).waitFor();
  });

  it('the village reports progress and completes the milestone', async () => {
    const village = await deskPage('village');
    await village.goto(`${baseUrl()}/nails?campaign=${campaign.id}`);
    await village.getByTestId(`nail-link-${nailId}`).click();
    await village.getByTestId('nail-report-form').waitFor();
    // A village official reports but does not edit the plan.
    expect(await village.getByTestId('nail-edit').count()).toBe(0);
    await village.getByTestId('nail-report-progress').fill('40');
    await village.getByTestId('nail-report-status').click();
    await village.locator('.ant-select-item-option', { hasText: '推进中' }).click();
    await village.getByTestId('nail-report-note').fill('已完成摸排建档，方案征求意见中');
    await village.getByTestId('nail-report-submit').click();
    await village.getByTestId('nail-update').first().waitFor();
    await village.locator('[data-testid^="milestone-complete-"]').click();
    await expect.poll(() => village.locator('[data-testid^="milestone-complete-"]').count()).toBe(0);

    const detail = (await (await village.request.get(`${baseUrl()}/api/nails/${nailId}`)).json()) as NailDetail;
    expect(detail).toMatchObject({ kind: 'key', status: 'in_progress', progress: 40, milestonesDone: 1 });
    await screenshot(village, 'nails-detail');
  });

  it('the supervisor reads without acting, and the airing shows the month', async () => {
    const supervisor = await deskPage('supervisor');
    await supervisor.goto(`${baseUrl()}/nails/${nailId}`);
    await supervisor.getByTestId('nail-plan').waitFor();
    expect(await supervisor.getByTestId('nail-report-form').count()).toBe(0);

    await supervisor.goto(`${baseUrl()}/nails/airing?campaign=${campaign.id}`);
    await supervisor.getByTestId('airing-table').waitFor();
    await expect.poll(() => supervisor.getByTestId('airing-table').innerText()).toContain(TITLE);
    const row = supervisor.locator('tr', { hasText: TITLE });
    expect(await row.innerText()).toContain('40%');
    expect(await row.getByTestId('airing-no-progress').count()).toBe(0);
    await screenshot(supervisor, 'nails-airing');
  });
});
