// Shared checks for the browser tests: every page (and every frame in it) is watched for console
// errors, failed requests and content security policy violations, and can be checked with
// axe-core against WCAG 2.2 AA.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const SCREENSHOTS = 'tests/e2e/output/screenshots';

export const test = base.extend({
  // Problems the page reported while the test ran; tests assert it stays empty.
  problems: async ({ page }, use) => {
    const problems = [];
    // Runs in every frame before its own scripts; a violation becomes a console error below.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'} in ${e.documentURI}`);
      });
    });
    page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`); });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`));
    page.on('response', (res) => { if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`); });
    await use(problems);
  },
});

export { expect };

/**
 * The problems, less the worker script loads a test stopped on purpose: Cancel (or leaving the
 * comparison) terminates the simulation's workers at once, and a worker stopped while its
 * script or wasm is still loading has that request aborted (net::ERR_ABORTED). That is the
 * browser doing what it was asked, not a missing file; any other failure still counts.
 */
export function exceptStoppedWorkerLoads(problems) {
  return problems.filter((p) => !/^request failed: \S+\/simulation-worker[\w.-]*\.(js|wasm) \(net::ERR_ABORTED\)$/.test(p));
}

/** Runs axe-core on the page (or a part of it) and fails with a readable list of violations. */
export async function expectNoAxeViolations(page, include) {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
  expect(summary, 'axe-core violations').toEqual([]);
}

/**
 * Waits until the wasm app has replaced the static loading text, then (unless `models` is
 * false) shows "Models and files": most tests use the models, share and files panels. The
 * choice is kept for the tab, so a reload keeps them shown.
 */
export async function openApp(page, path = './', { models = true } = {}) {
  await page.goto(path);
  await expect(page.locator('#pb-loading')).toHaveCount(0);
  await expect(page.locator('main h1')).toBeVisible();
  if (models) await showModelsAndFiles(page);
}

/** Opens "Models and files" if the page has it and it is closed. */
export async function showModelsAndFiles(page) {
  const toggle = page.locator('#models-toggle');
  if (await toggle.count() && await toggle.getAttribute('aria-expanded') === 'false') {
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  }
}
