// Smoke test: the release build loads cleanly, renders its shell and passes axe-core.
import { readFileSync } from 'node:fs';
import { test, expect, expectNoAxeViolations, openApp, SCREENSHOTS } from './support.js';
import { SUBPATH_PORT, SUBPATH } from './ports.js';

test('the app loads with no console errors or failed requests', async ({ page, problems }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pooled budget modeller');
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);
  await page.screenshot({ path: `${SCREENSHOTS}/smoke-home.png`, fullPage: true });
});

test('the home page has no WCAG 2.2 AA violations that axe-core can find', async ({ page }) => {
  await openApp(page);
  await expectNoAxeViolations(page);
});

test('the skip link is the first stop for the keyboard and moves focus to the main content', async ({ page }) => {
  await openApp(page, './', { models: false });
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('the app works from a sub-path, because every asset URL is relative', async ({ page, problems }) => {
  await openApp(page, `http://127.0.0.1:${SUBPATH_PORT}${SUBPATH}`);
  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);
});

test('the wasm carries none of Rust\'s float formatting or parsing (about 17 KiB brotli)', async () => {
  // Their lookup tables, by first entry: Grisu's cached powers of ten (formatting an f64 with
  // `{}` or `to_string`) and the powers of five that parsing an f64 needs. Coordinates and
  // sizes go through `model::decimals`, times through whole milliseconds (docs/benchmarks.md).
  const signatures = { 'formatting an f64': 0xe61acf033d1a45dfn, 'parsing an f64': 0xeef453d6923bd65an };
  for (const file of ['dist/pooled-budgets_bg.wasm', 'dist/simulation-worker_bg.wasm']) {
    const wasm = readFileSync(file);
    for (const [what, first] of Object.entries(signatures)) {
      const bytes = Buffer.alloc(8);
      bytes.writeBigUInt64LE(first);
      expect(wasm.indexOf(bytes), `${file} has the table for ${what}`).toBe(-1);
    }
  }
});
