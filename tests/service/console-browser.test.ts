import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Service, startService } from '../../src/service.ts';
import { issueConsoleLink } from '../../src/staff/index.ts';
import { ROOT } from '../reliability/support.ts';
import { illness, ROSTER_YAML, seed, T0 } from '../staff/fixtures.ts';

/**
 * The staff console in a real browser (Debian's headless chromium, playwright-core) on a 1366×768 office screen:
 * login link → queue → claim → resolve → 公示 CSV; a caseworker of another district sees none of it.
 * Without /usr/bin/chromium the test is skipped loudly, except under CI=true where it fails.
 * Screenshots for the README: docs/console-queue.png, docs/console-case.png.
 */
const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const ci = process.env.CI === 'true';
if (!haveChromium && !ci) console.warn(`\n${'!'.repeat(78)}\n!!  CONSOLE BROWSER TEST SKIPPED: ${CHROMIUM} is missing.\n${'!'.repeat(78)}\n`);

describe.skipIf(!haveChromium && !ci)('staff console in a browser', () => {
  let service: Service | null = null;
  let browser: Browser | null = null;
  let dir: string | null = null;
  const now = new Date(T0 + 3600_000);

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`CI=true and ${CHROMIUM} is missing: install chromium (apt-get install -y chromium)`);
    dir = mkdtempSync(join(tmpdir(), 'yl-console-web-'));
    writeFileSync(join(dir, 'staff.yaml'), ROSTER_YAML);
    service = await startService(
      { DATA_DIR: join(dir, 'data'), STAFF_FILE: join(dir, 'staff.yaml') },
      { port: 0, host: '127.0.0.1', logger: pino({ level: 'silent' }), now: () => now },
    );
    await seed(service.store, [
      illness('C20261120-0001', '西湖区'),
      illness('C20261120-0002', '西湖区', { createdAt: T0 + 10, fields: { ...illness('x', '西湖区').fields, applicantName: '王桂兰', gender: '女', age: 81 } }),
    ]);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      timeout: 10_000,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 20_000);

  afterAll(async () => {
    await browser?.close();
    await service?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh browser profile logged in through a one-time link, as a staff member would from their private chat. */
  async function loggedIn(staff: string, account: string) {
    const context = await (browser as Browser).newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const link = await issueConsoleLink((service as Service).store, { staff, account }, now, (service as Service).url);
    await page.goto(link);
    await page.getByRole('button', { name: '进入工作台' }).click();
    await page.waitForURL(/\/console$/);
    return { context, page };
  }

  it('login link → queue → claim → resolve → 公示 CSV; a 建德市 caseworker sees none of it', async () => {
    const { context, page } = await loggedIn('xh-wang', 'test:xh');
    expect(await page.locator('h1').textContent()).toBe('待办队列');
    const row = page.locator('tr', { hasText: 'C20261120-0001' });
    await row.waitFor();
    // Readable on an office screen: nothing wider than 1366 px.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1366);
    await page.screenshot({ path: join(ROOT, 'docs', 'console-queue.png') });

    await row.getByRole('link', { name: 'C20261120-0001' }).click();
    await page.getByRole('button', { name: '认领' }).click();
    expect(await page.locator('.notice').textContent()).toContain('已认领');
    await page.locator('form[action$="/resolve"] textarea').fill('已发放2000元，已电话告知家属');
    await page.getByRole('button', { name: '办结' }).click();
    expect(await page.locator('.notice').textContent()).toContain('C20261120-0001');
    expect(await page.locator('table.fields').textContent()).toContain('已办结');
    await page.screenshot({ path: join(ROOT, 'docs', 'console-case.png') });

    await page.getByRole('link', { name: '公示' }).click();
    await page.locator('input[name=month]').fill('2026-11');
    await page.getByRole('button', { name: '查看' }).click();
    expect(await page.locator('table.publicity').textContent()).toContain('张建国');
    expect(await page.locator('table.publicity').textContent()).toContain('2000');
    const csv = await (await context.request.get(`${(service as Service).url}/console/publicity.csv?month=2026-11`)).text();
    expect(
      csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n'),
    ).toEqual(['项目,姓名,性别,年龄,金额', '大病慰问,张建国,男,72,2000']);
    await context.close();

    const other = await loggedIn('jd-li', 'test:jd');
    expect(await other.page.locator('body').textContent()).not.toContain('C20261120-0001');
    await other.page.goto(`${(service as Service).url}/console?status=all`);
    await other.page.locator('.empty').waitFor();
    await other.page.goto(`${(service as Service).url}/console/case/C20261120-0001`);
    expect(await other.page.locator('body').textContent()).toContain('不在您负责的范围内');
    expect(await other.page.locator('body').textContent()).not.toContain('张建国');
    const otherCsv = await (await other.context.request.get(`${(service as Service).url}/console/publicity.csv?month=2026-11`)).text();
    expect(otherCsv.replace(/^\uFEFF/, '').trim()).toBe('项目,姓名,性别,年龄,金额');
    const api = (await (await other.context.request.get(`${(service as Service).url}/console/api/cases?status=all`)).json()) as { cases: unknown[] };
    expect(api.cases).toEqual([]);
    await other.context.close();
  }, 60_000);
});
