/**
 * The dashboard page in a real browser: Debian's chromium driven by playwright-core (no browser download), against
 * the built ledger started as `npm start` starts it. Without chromium (`apt-get install chromium`) the suite is
 * skipped by name, saying so.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, chromium, Locator, Page } from 'playwright-core';
import { enterprise } from '@ledger/domain/consortium/consortium.fixtures';
import { activeConsortium, filingBody, unitBody } from './support/consortium-requests';
import { LedgerProcess, startLedgerProcess, testLedgerEnv } from './support/ledger-process';
import { postGrant } from './support/subsidy-requests';
import { TOKENS } from './support/test-tokens';

const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => !!path && existsSync(path),
);
const NMG = 'nmg-2024-consortium';
const NMG_TITLE = '内蒙古自治区重点产业链创新联合体建设实施方案';
const describeInBrowser = CHROMIUM ? describe : describe.skip;
if (!CHROMIUM)
  console.warn('dashboard page in a browser: skipped, chromium is not installed (apt-get install chromium)');

/** A screenshot is not blank: big enough, and more than a handful of distinct colours (counted in the browser). */
async function expectNotBlank(page: Page, name: string) {
  const png = await page.screenshot({ fullPage: true });
  // DASHBOARD_SCREENSHOTS=<dir> keeps them, to look at.
  if (process.env.DASHBOARD_SCREENSHOTS) writeFileSync(join(process.env.DASHBOARD_SCREENSHOTS, `${name}.png`), png);
  expect(png.length).toBeGreaterThan(10_000);
  const dataUrl = JSON.stringify(`data:image/png;base64,${png.toString('base64')}`);
  // Browser code as text: the specs are compiled without the DOM's types.
  const colours = await page.evaluate<{ distinct: number; width: number; height: number }>(`(async () => {
    const image = new Image();
    image.src = ${dataUrl};
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    const seen = new Set();
    for (let i = 0; i < data.length; i += 4) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    return { distinct: seen.size, width: image.width, height: image.height };
  })()`);
  expect({ name, wide: colours.width >= 800, tall: colours.height >= 400 }).toEqual({ name, wide: true, tall: true });
  expect(colours.distinct).toBeGreaterThan(50);
}

describeInBrowser(`the dashboard page in chromium${CHROMIUM ? '' : ' (skipped: chromium is not installed)'}`, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-page-'));
  let ledger: LedgerProcess;
  let browser: Browser;
  let page: Page;
  let consortiumId: string;
  let lead: string;
  let subsidyId: string;

  beforeAll(async () => {
    ledger = await startLedgerProcess('ledger', testLedgerEnv(dataDir, '2026-01-05'));
    const active = await activeConsortium(ledger, NMG, { chain: '稀土新材料' });
    consortiumId = active.id;
    lead = filingBody(NMG).lead.creditCode;
    const grant = await postGrant(ledger, {
      consortiumId,
      recipient: lead,
      category: 'nmg.project',
      amount: '1234567.89',
      fiscalYear: 2025,
      grantedOn: '2025-12-01',
      projectId: 'nmg-page-1',
    });
    if (grant.status !== 201) throw new Error(`grant refused: ${grant.text}`);
    subsidyId = grant.body.id;
    // A grant under a cap with a number (the 盟主's annual 2000万), for the caps panel.
    const mengzhu = unitBody(enterprise('dalian', 777));
    const alliance = await activeConsortium(ledger, 'liaoning-2021-alliance', { lead: mengzhu });
    const capped = await postGrant(ledger, {
      consortiumId: alliance.id,
      recipient: mengzhu.creditCode,
      category: 'liaoning.talent',
      amount: '2000000.00',
      fiscalYear: 2025,
      grantedOn: '2025-12-01',
    });
    if (capped.status !== 201) throw new Error(`grant refused: ${capped.text}`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await ledger?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('signs in with a token kept in session storage, never in the URL, and shows the counts in Chinese', async () => {
    await page.goto(ledger.url);
    await page.getByLabel('访问令牌').fill(TOKENS.supervisor);
    await page.getByRole('button', { name: '登录' }).click();
    const row = page.locator(`#counts tr[data-policy="${NMG}"]`);
    await see(row.locator('th')).toHaveText(NMG_TITLE);
    await see(row.locator('td[data-status="active"]')).toHaveText('1');
    await see(page.locator('#counts thead')).toContainText('运行中');
    await see(page.locator('#targets')).toContainText('稀土新材料：1 个');
    expect(page.url()).not.toContain(TOKENS.supervisor);
    expect(await page.evaluate("sessionStorage.getItem('ledger.token')")).toBe(TOKENS.supervisor);
    await expectNotBlank(page, 'overview');
  });

  it('shows money in 万元 as the funding API has it in yuan', async () => {
    const funding = await ledger.http.get(`/v1/funding/${lead}?fiscalYear=2025`, { as: 'viewer' });
    expect(funding.body.granted).toBe('1234567.89');
    const cell = page.locator(`#money tr[data-policy="${NMG}"][data-year="2025"] td[data-money="granted"]`);
    await see(cell).toHaveText('123.46');
    await see(cell).toHaveAttribute('data-yuan', funding.body.granted);
    await see(page.locator('#money-chart canvas')).toHaveCount(1);
    // The caps panel (GET /v1/dashboard/caps): the grant's caps as the funding view has them, in 万元.
    const { caps } = (await ledger.http.get('/v1/dashboard/caps', { as: 'viewer' })).body;
    expect(caps.length).toBeGreaterThan(0);
    // Its sentences in the asked language, like every answer's (the caps answer is kept as JSON per language).
    const capsInEnglish = await ledger.http.get('/v1/dashboard/caps', {
      as: 'viewer',
      headers: { 'accept-language': 'en' },
    });
    expect(caps[0].detail).toMatch(/[\u4e00-\u9fff]/);
    expect(capsInEnglish.body.caps[0].detail).toMatch(/fiscal year/);
    expect(capsInEnglish.headers.get('content-language')).toBe('en');
    const fullest = page.locator('#caps tbody tr').first();
    await see(fullest).toHaveAttribute('data-rule', caps[0].rule);
    await see(fullest).toContainText(`已用 ${(Number(caps[0].used) / 10_000).toFixed(2)}`);
    await see(page.locator('#caps-chart canvas')).toHaveCount(1);
    await page.evaluate(`location.hash = '#/subsidies/${subsidyId}'`);
    const granted = page.locator('#subsidy-money td[data-money="granted"]');
    await see(granted).toHaveText('123.46');
    await see(granted).toHaveAttribute('data-yuan', funding.body.subsidies[0].granted);
    await expectNotBlank(page, 'subsidy');
    await page.goBack();
    await see(page.locator('#counts')).toContainText('运行中');
  });

  it('counts a filing made over the API without a reload (live, from GET /v1/stream)', async () => {
    await page.evaluate('window.marker = 42'); // gone if the page reloads
    const filed = await ledger.http.post('/v1/consortia', filingBody('liaoning-2021-alliance'), { as: 'officer' });
    expect(filed.status).toBe(201);
    await see(page.locator('#counts tr[data-policy="liaoning-2021-alliance"] td[data-status="filed"]')).toHaveText(
      '1',
      {
        timeout: 10_000,
      },
    );
    expect(await page.evaluate('window.marker')).toBe(42);
  });

  it("opens a consortium and moves the as-of slider to before its approval: 'public-notice'", async () => {
    await page.locator('#consortia a', { hasText: '稀土新材料' }).click();
    await see(page.locator('#state-status')).toHaveAttribute('data-status', 'active');
    const steps = page.locator('ol.timeline li');
    const types = await steps.evaluateAll((items) => items.map((li) => li.getAttribute('data-type')));
    const approval = types.indexOf('ConsortiumApproved');
    expect(await steps.nth(approval).textContent()).toContain(
      '满足全部条件、完成审核和公示且无成立异议的予以批准（四(五)） [lifecycle.approval]',
    );
    expect(approval).toBeGreaterThan(0);
    await page.locator('#as-of').fill(String(approval)); // steps count from 1: this is the one before the approval
    await see(page.locator('#state-status')).toHaveAttribute('data-status', 'public-notice');
    await see(page.locator('#state-status')).toHaveText('状态：公示中');
    await expectNotBlank(page, 'consortium');
  });

  it('opens a zone: its status in Chinese and its timeline', async () => {
    const zone = await ledger.http.post(
      '/v1/zones',
      { policy: 'nmg-2022-zone', name: '鄂尔多斯高新区', approvedOn: '2023-03-01' },
      { as: 'officer' },
    );
    expect(zone.status).toBe(201);
    await page.evaluate(`location.hash = '#/zones/${zone.body.id}'`);
    await see(page.locator('#state h2')).toContainText('鄂尔多斯高新区');
    await see(page.locator('ol.timeline li')).toHaveCount(1);
    await see(page.locator('ol.timeline li')).toContainText('认定示范区');
    await expectNotBlank(page, 'zone');
  });
});

/** playwright-core has no test runner: `see(locator)` retries jest's expect until it holds or 5 s (or `timeout`) pass. */
function see(locator: Locator) {
  const poll = async (check: () => Promise<void>, timeout = 5_000) => {
    const until = Date.now() + timeout;
    for (;;) {
      try {
        return await check();
      } catch (error) {
        if (Date.now() > until) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };
  return {
    toHaveText: (text: string, options: { timeout?: number } = {}) =>
      poll(async () => expect((await locator.textContent({ timeout: 1_000 }))?.trim()).toBe(text), options.timeout),
    toContainText: (text: string) =>
      poll(async () => expect(await locator.textContent({ timeout: 1_000 })).toContain(text)),
    toHaveAttribute: (name: string, value: string) =>
      poll(async () => expect(await locator.getAttribute(name, { timeout: 1_000 })).toBe(value)),
    toHaveCount: (count: number) => poll(async () => expect(await locator.count()).toBe(count)),
  };
}
