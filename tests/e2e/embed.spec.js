// Embedding in an intranet page: the app, served under a sub-path with the strict content
// security policy of docs/embedding.md, framed by a host page on another origin. Every page and
// frame is watched for CSP violations, console errors and failed requests (support.js).
import { readFileSync } from 'node:fs';

import { test, expect, expectNoAxeViolations, SCREENSHOTS } from './support.js';
import { EMBED_APP, HOST_ORIGIN, OTHER_HOST_ORIGIN, csp } from './ports.js';

const LINK = readFileSync('tests/golden/link-v1-reference.txt', 'utf8').trim();
const MODEL = 'City and Hackney pooled budgets 2025/26 to 2029/30';
const APP_ORIGIN = new URL(EMBED_APP).origin;

/** Opens a host page on `origin` that frames the app at `app` (relative to the app's folder). */
async function openHost(page, origin, app) {
  await page.goto(`${origin}/host.html?app=${encodeURIComponent(new URL(app, EMBED_APP).href)}`);
  const frame = page.frameLocator('#pooled-budgets');
  await expect(frame.locator('#pb-loading')).toHaveCount(0);
  await expect(frame.getByRole('heading', { level: 1 })).toBeVisible();
  return frame;
}

const frameHeight = (page) => page.locator('#pooled-budgets').evaluate((f) => Number(f.height));
const heightsFromApp = (page) => page.evaluate((origin) => window.received
  .filter((m) => m.origin === origin && m.data?.type === 'pooled-budgets:height').length, APP_ORIGIN);

// The same read-only view two ways: the modeller's page with ?embed=1, and view.html, which
// starts the viewer's own, smaller wasm and never fetches the modeller's (nor the first screen's).
for (const [how, address, wasm] of [
  // index.html preloads the first screen's wasm for a plain visit (docs/maintainers.md, "The
  // first screen"); a link does not run it, but it is downloaded: one reason to embed view.html.
  ['?embed=1', `?embed=1#${LINK}`, ['pooled-budgets-first_bg.wasm', 'pooled-budgets_bg.wasm']],
  ['view.html', `view.html#${LINK}`, ['pooled-budgets-viewer_bg.wasm']],
]) {
  test(`a shared model embedded read-only in an intranet page on another origin (${how})`, async ({ page, problems }) => {
    await page.setViewportSize({ width: 900, height: 700 });
    const requested = [];
    const files = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      requested.push(url.origin);
      files.push(url.pathname.split('/').pop());
    });
    const frame = await openHost(page, HOST_ORIGIN, address);
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText(MODEL);
    await expect(frame.getByText('A shared model, read-only.')).toBeVisible();
    // No page chrome, no editor: just the results of the option the link chose.
    await expect(frame.getByRole('banner')).toHaveCount(0);
    await expect(frame.getByRole('contentinfo')).toHaveCount(0);
    await expect(frame.getByRole('textbox')).toHaveCount(0);
    await expect(frame.getByLabel('Option shown').locator('option:checked')).toHaveText('Option B: pro rata');
    await expect(frame.getByRole('table', { name: /What each partner pays/ })).toBeVisible();

    // The iframe is as tall as the app: no scroll bar inside it, no gap below.
    await expect.poll(() => frameHeight(page)).toBeGreaterThan(600);
    const inside = await frame.locator('html').evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
    expect(await frameHeight(page)).toBe(inside);

    // Switching option changes the results, not the reader's saved models: nothing is stored.
    await frame.getByLabel('Option shown').selectOption({ label: 'Option A: 50:50 risk share' });
    await expect(frame.getByText(/^Option A: 50:50 risk share, 2025\/26 to 2029\/30/)).toBeVisible();
    expect(await frame.locator('html').evaluate(() => window.localStorage.length)).toBe(0);

    // The full app opens in a new tab on the same model, as a model of the reader's own.
    const full = frame.getByRole('link', { name: 'Open this model in the full app (opens in a new tab)' });
    await expect(full).toHaveAttribute('href', `${EMBED_APP}#${LINK}`);
    await expect(full).toHaveAttribute('target', '_blank');

    // The host's hello is answered with the height: the trusted origin is heard.
    const before = await heightsFromApp(page);
    await page.evaluate(() => document.getElementById('pooled-budgets').contentWindow
      .postMessage({ type: 'pooled-budgets:hello' }, '*'));
    await expect.poll(() => heightsFromApp(page)).toBeGreaterThan(before);

    await expectNoAxeViolations(page);
    await page.screenshot({ path: `${SCREENSHOTS}/embed-read-only-${how.replace(/\W/g, '')}.png`, fullPage: true });
    // The host page asked its own server; the app asked only the server it came from.
    expect([...new Set(requested)].sort()).toEqual([HOST_ORIGIN, APP_ORIGIN].sort());
    // The viewer's wasm alone for view.html; the modeller's for ?embed=1, beside the first
    // screen's, preloaded and not used.
    expect(files.filter((f) => f.endsWith('.wasm')).sort()).toEqual(wasm);
    expect(problems).toEqual([]);
  });
}

for (const [how, address] of [['?embed=1', `?embed=1&view=compare#${LINK}`], ['view.html', `view.html?view=compare#${LINK}`]]) {
  test(`a fixed comparison embedded read-only: ?view=compare opens on the options side by side (${how})`, async ({ page, problems }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const frame = await openHost(page, HOST_ORIGIN, address);
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText(`Compare options: ${MODEL}`);
    await expect(frame.getByRole('table', { name: /^Net cost by partner/ })).toBeVisible();
    await expect(frame.getByRole('table', { name: /under each risk-share pattern/ })).toBeVisible();
    // The frame takes the comparison's full height.
    await expect.poll(() => frameHeight(page)).toBeGreaterThan(1000);
    // Back to the results, then to the comparison again.
    await frame.getByRole('button', { name: 'Back to the results' }).click();
    await expect(frame.getByText('A shared model, read-only.')).toBeVisible();
    await frame.getByRole('button', { name: 'Compare options side by side' }).click();
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText(`Compare options: ${MODEL}`);
    expect(await frame.locator('html').evaluate(() => window.localStorage.length)).toBe(0);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `${SCREENSHOTS}/embed-comparison-${how.replace(/\W/g, '')}.png`, fullPage: true });
    expect(problems).toEqual([]);
  });
}

test('the iframe grows when the content grows, and a framed app is embedded without ?embed=1', async ({ page, problems }) => {
  await page.setViewportSize({ width: 700, height: 700 });
  const frame = await openHost(page, HOST_ORIGIN, './');
  await expect(frame.getByRole('banner')).toHaveCount(0);
  await expect(frame.getByRole('link', { name: 'Open the full app (opens in a new tab)' })).toHaveAttribute('href', EMBED_APP);
  await expect.poll(() => frameHeight(page)).toBeGreaterThan(300);
  const start = await frameHeight(page);
  await page.screenshot({ path: `${SCREENSHOTS}/embed-editable.png` });
  for (let i = 0; i < 3; i += 1) await frame.getByRole('button', { name: 'Add scheme' }).click();
  await expect.poll(() => frameHeight(page)).toBeGreaterThan(start + 100);
  const inside = await frame.locator('html').evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
  expect(await frameHeight(page)).toBe(inside);
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
});

test('a page on an origin the app does not trust gets no messages, and its messages are ignored', async ({ page, problems }) => {
  const frame = await openHost(page, OTHER_HOST_ORIGIN, `?embed=1#${LINK}`);
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(MODEL);
  await page.evaluate(() => document.getElementById('pooled-budgets').contentWindow
    .postMessage({ type: 'pooled-budgets:hello' }, '*'));
  await page.waitForTimeout(1000);
  expect(await heightsFromApp(page)).toBe(0);
  expect(await frameHeight(page)).toBe(300);
  expect(problems).toEqual([]);
});

test('theme.css next to index.html sets the accent colour and font stack, without a rebuild', async ({ page, problems }) => {
  const frame = await openHost(page, HOST_ORIGIN, `?embed=1#${LINK}`);
  const link = frame.getByRole('link', { name: /Open this model in the full app/ });
  await expect(link).toHaveCSS('color', 'rgb(111, 29, 70)');
  await expect(link).toHaveCSS('font-family', /^Georgia/);
  // The default build, as shipped, keeps the app's own accent.
  await page.goto('./?embed=1');
  await expect(page.getByRole('link', { name: /Open the full app/ })).toHaveCSS('color', 'rgb(29, 78, 137)');
  expect(problems).toEqual([]);
});

test('?embed=1 outside a frame shows the compact view, which opens the full app', async ({ page, context, problems }) => {
  await page.goto(`${EMBED_APP}?embed=1#${LINK}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(MODEL);
  await expect(page.getByRole('banner')).toHaveCount(0);
  const [full] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('link', { name: /Open this model in the full app/ }).click(),
  ]);
  await expect(full.getByRole('alert')).toContainText(`Opened the shared model ‘${MODEL}’`);
  await expect(full.getByRole('banner')).toBeVisible();
  await expect(full.getByLabel('Option being edited').locator('option:checked')).toHaveText('Option B: pro rata');
  expect(problems).toEqual([]);
});

test('view.html without a link says there is no model and how to make one, and opens the full app', async ({ page, problems }) => {
  await page.goto(`${EMBED_APP}view.html`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('There is no model to show');
  await expect(page.getByRole('alert')).toContainText('Make a link to this model');
  // The modeller is in the folder's index.html, not in view.html.
  await expect(page.getByRole('link', { name: 'Open the full app (opens in a new tab)' }))
    .toHaveAttribute('href', EMBED_APP);
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
});

test('a trap in view.html shows its own message, with nothing saved and no recovery page next time', async ({ page }) => {
  await page.goto(`${EMBED_APP}view.html#${LINK}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(MODEL);
  await page.evaluate(() => localStorage.setItem('pooled-budgets.test-panic', 'render'));
  await page.reload();
  const crash = page.getByRole('alert').filter({ hasText: 'Something went wrong — this model could not be shown' });
  await expect(crash).toBeVisible();
  await expect(crash.getByRole('button', { name: 'Reload the page' })).toBeFocused();
  await expect(page.locator('#pb-loading')).toHaveCount(0);
  await expectNoAxeViolations(page);
  // The viewer keeps nothing, so the modeller must not open on its recovery page for this.
  expect(await page.evaluate(() => localStorage.getItem('pooled-budgets.crashed'))).toBeNull();
  await page.evaluate(() => localStorage.removeItem('pooled-budgets.test-panic'));
  await crash.getByRole('button', { name: 'Reload the page' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(MODEL);
});

test('the strict policy is really enforced, and a violation fails a test', async ({ page, problems }) => {
  await page.goto(`${EMBED_APP}?embed=1`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => document.body.setAttribute('style', 'background: red'));
  await expect.poll(() => problems.join('\n')).toMatch(/CSP violation: style-src-attr/);
});

test('docs/embedding.md gives the policy and the host script the tests use', async () => {
  const doc = readFileSync('docs/embedding.md', 'utf8');
  expect(doc).toContain(csp('https://intranet.example.gov.uk'));
  expect(doc).toContain(readFileSync('tests/e2e/fixtures/host/pooled-budgets-resize.js', 'utf8'));
});
