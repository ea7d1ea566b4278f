// Ranges and the simulation (issue #16): put ranges on the template and run with progress and a
// cancel; and a model opened by link gives, in the browser, exactly the percentiles the native
// engine computed for the same seed (tests/golden/simulation-fifty-fifty.json, checked by
// tests/model_uncertainty.rs).
import { readFileSync } from 'node:fs';
import { test, expect, expectNoAxeViolations, exceptStoppedWorkerLoads, openApp, SCREENSHOTS } from './support.js';

const golden = JSON.parse(readFileSync('tests/golden/simulation-fifty-fifty.json', 'utf8'));

async function openComparison(page) {
  await page.getByRole('button', { name: 'Compare options side by side' }).click();
  await expect(page.getByRole('heading', { name: /^Compare options/ })).toBeFocused();
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('the same seed gives, in the browser, the percentiles computed natively', async ({ page, problems }) => {
  await openApp(page, `./#${golden.link}`);
  await openComparison(page);
  await expect(page.getByLabel('Seed', { exact: true })).toHaveValue(String(golden.seed));
  await expect(page.getByLabel('Draws', { exact: true })).toHaveValue(String(golden.draws));
  await page.getByRole('button', { name: 'Run the simulation' }).click();
  const table = page.locator('#simulation-side-by-side');
  await expect(table).toBeVisible({ timeout: 20_000 });
  for (const [at, option] of golden.options.entries()) {
    for (const partner of option.partners) {
      const row = table.getByRole('row', { name: new RegExp(`^${partner.name}`) });
      const cells = row.locator('td');
      await expect(cells.nth(at * 3)).toHaveText(partner.p50);
      await expect(cells.nth(at * 3 + 1)).toHaveText(partner.p90);
      await expect(cells.nth(at * 3 + 2)).toHaveText(partner.chance);
    }
  }
  expect(problems).toEqual([]);
});

test('ranges on the template: run with progress, cancel one run, finish another, read a P90', async ({ page, problems }) => {
  // Two runs of the simulation (one cancelled) in one test: slow on a busy machine.
  test.setTimeout(90_000);
  await openApp(page);
  await openComparison(page);
  await page.getByRole('button', { name: /^Edit ranges \(0 set\)/ }).click();
  // Every-year ranges on the template's first two lines of the base, typed as over/underspend.
  const inputs = page.locator('#ranges-editor input[aria-label^="Low forecast for"]');
  const first = (await inputs.first().getAttribute('aria-label')).replace('Low forecast for ', '');
  const line = (point) => page.getByLabel(`${point} forecast for ${first}`, { exact: true });
  await line('High').fill('20%');
  await line('High').press('Tab');
  await line('Low').fill('-5%');
  await line('Low').press('Tab');
  await line('Most likely').fill('2%');
  await line('Most likely').press('Tab');
  await line('High').fill('20%');
  await line('High').press('Tab');
  await expect(page.getByRole('button', { name: /^Hide ranges \(1 set\)/ })).toBeVisible();
  // A value that is not a forecast is refused with words, and nothing changes.
  await line('High').fill('lots');
  await line('High').press('Tab');
  await expect(page.locator('#ranges-editor')).toContainText('High:');
  await expect(line('High')).toHaveAttribute('aria-invalid', 'true');
  await line('High').fill('20%');
  await line('High').press('Tab');
  await expect(line('High')).not.toHaveAttribute('aria-invalid', 'true');
  // A shared driver on the first pool.
  const driverLow = page.locator('#ranges-editor input[aria-label^="Low shared driver for"]').first();
  await driverLow.fill('-2%');
  await driverLow.press('Tab');
  await page.locator('#ranges-editor input[aria-label^="High shared driver for"]').first().fill('6%');
  await page.locator('#ranges-editor input[aria-label^="High shared driver for"]').first().press('Tab');
  await page.locator('#ranges-editor input[aria-label^="Most likely shared driver for"]').first().fill('1%');
  await page.locator('#ranges-editor input[aria-label^="Most likely shared driver for"]').first().press('Tab');

  // The most draws allowed, so the run lasts long enough to cancel.
  await page.getByLabel('Draws', { exact: true }).fill('20000');
  await page.getByLabel('Draws', { exact: true }).press('Tab');
  await page.getByRole('button', { name: 'Run the simulation' }).click();
  const progress = page.locator('#simulation-progress');
  await expect(progress).toBeVisible();
  // Draws done, reported by the worker while it runs (not only the bar drawn at the start).
  await expect(page.getByRole('status').filter({ hasText: /^Simulating: [1-9][\d,]* of 60,000 draws$/ })).toBeVisible();
  // The page still answers while it runs: the cancel button takes focus and a click.
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText(/^Cancelled\./)).toBeVisible();
  await expect(page.locator('#simulation-results')).toHaveCount(0);

  await page.getByLabel('Draws', { exact: true }).fill('2000');
  await page.getByLabel('Draws', { exact: true }).press('Tab');
  await page.getByRole('button', { name: 'Run the simulation' }).click();
  const table = page.locator('#simulation-side-by-side');
  await expect(table).toBeVisible({ timeout: 20_000 });
  await expect(table.locator('caption')).toContainText('2,000 draws each, seed 1');
  // Each partner's P90 is a figure in whole pounds, and no less than its P50.
  const rows = table.locator('tbody tr');
  expect(await rows.count()).toBeGreaterThan(1);
  const money = (text) => Number(text.replace(/[£,]/g, '').replace('\u2212', '-'));
  const cells = rows.first().locator('td');
  const [p50, p90] = [await cells.nth(0).innerText(), await cells.nth(1).innerText()];
  expect(p90).toMatch(/^−?£[\d,]+$/);
  expect(money(p90)).toBeGreaterThanOrEqual(money(p50));
  // The chart and its table.
  const chart = page.locator('#simulation-chart-0');
  await expect(chart.locator('rect')).toHaveCount(20);
  // The first option's details are open, so its chart is on screen.
  await expect(page.locator('details.pb-uncertainty__option').first()).toHaveJSProperty('open', true);
  await expect(chart).toBeVisible();
  await expect(chart.locator('.pb-chart__description')).toContainText('in one draw in ten it is above');
  await chart.getByText('Show as a table').click();
  await expect(chart.locator('table tbody tr')).toHaveCount(20);
  // One year's percentiles: the detail tables say which year.
  const detail = page.getByRole('table', { name: /each partner over the plan/ }).first();
  await expect(detail).toBeVisible();
  const firstYear = (await page.getByLabel('Years shown in each option\'s tables').locator('option').nth(1).innerText()).trim();
  await page.getByLabel('Years shown in each option\'s tables').selectOption({ index: 1 });
  await expect(page.getByRole('table', { name: new RegExp(`each partner in ${firstYear.replace('/', '\\/')}`) }).first()).toBeVisible();
  await page.locator('#uncertainty').screenshot({ path: `${SCREENSHOTS}/simulation.png` });
  await expectNoAxeViolations(page);

  // Changing an input marks the results as out of date.
  await page.getByLabel('Seed', { exact: true }).fill('7');
  await page.getByLabel('Seed', { exact: true }).press('Tab');
  await expect(page.getByText(/The model has changed since this run/)).toBeVisible();
  expect(exceptStoppedWorkerLoads(problems)).toEqual([]);
});

test('a threshold that is not an amount is refused with words, and one typed during a run is kept', async ({ page, problems }) => {
  await openApp(page, `./#${golden.link}`);
  await openComparison(page);
  await page.getByRole('button', { name: 'Run the simulation' }).click();
  await expect(page.locator('#simulation-side-by-side')).toBeVisible({ timeout: 20_000 });
  const name = golden.options[0].partners[0].name;
  const threshold = page.getByLabel(`${name}: pays more than, in pounds`, { exact: true });
  await threshold.fill('lots');
  await threshold.press('Tab');
  await expect(threshold).toHaveAttribute('aria-invalid', 'true');
  await expect(threshold).toHaveAccessibleDescription(/Type an amount in pounds, like 1,250,000/);
  // Typed while another run redraws the panel with its progress: still there when committed.
  await page.getByLabel('Draws', { exact: true }).fill('20000');
  await page.getByLabel('Draws', { exact: true }).press('Tab');
  await page.getByRole('button', { name: 'Run the simulation' }).click();
  await threshold.fill('1,000,000');
  await expect(page.locator('#simulation-progress')).toBeVisible();
  await page.waitForTimeout(300);
  await expect(threshold).toHaveValue('1,000,000');
  await threshold.press('Tab');
  await expect(threshold).not.toHaveAttribute('aria-invalid', 'true');
  await expect(threshold).toHaveValue(/^1,?000,?000(\.00)?$/);
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
});
