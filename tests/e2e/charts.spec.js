// Charts in the results panel: each has a title that names it, a sentence describing it, and
// its figures in a table one keypress away; they pass axe-core, and print in black and grey.
import { test, expect, expectNoAxeViolations, openApp, SCREENSHOTS } from './support.js';

const CHARTS = [
  { title: 'Contributions by partner, 2025/26 to 2029/30', description: /^Contributions from all partners (rise|fall|stay)/ },
  { title: 'Balance of each pool by year, 2025/26 to 2029/30', description: /^Above the zero line is money left over/ },
];

const figure = (page, title) => page.locator('figure').filter({ has: page.getByRole('heading', { name: title }) });

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test('each chart is an image named by its title and described in words', async ({ page, problems }) => {
  for (const { title, description } of CHARTS) {
    await expect(page.getByRole('heading', { name: title, level: 3 })).toBeVisible();
    const chart = page.getByRole('img', { name: title });
    await expect(chart).toBeVisible();
    await expect(chart).toHaveAccessibleDescription(description);
    // The legend names what each fill stands for.
    await expect(figure(page, title).getByRole('listitem').first()).toBeVisible();
  }
  expect(problems).toEqual([]);
});

test('the table behind a chart opens from the keyboard and matches the results tables', async ({ page }) => {
  const balance = figure(page, CHARTS[1].title);
  const button = balance.getByRole('button', { name: 'Show as a table' });
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(balance.getByRole('table')).toBeHidden();
  await button.focus();
  await page.keyboard.press('Enter');
  const hide = balance.getByRole('button', { name: 'Hide the table' });
  await expect(hide).toBeFocused();
  await expect(hide).toHaveAttribute('aria-expanded', 'true');
  const chartTable = balance.getByRole('table', { name: CHARTS[1].title });
  await expect(chartTable).toBeVisible();

  // The chart's 2025/26 balance is the pool table's 2025/26 balance (its last column).
  const poolTable = page.getByRole('table', { name: /: income and spending by year/ }).first();
  const poolBalance = await poolTable.getByRole('row', { name: /^2025\/26/ }).getByRole('cell').last().textContent();
  expect(poolBalance).toMatch(/^−?£[\d,]+\.\d\d$/);
  await expect(chartTable.getByRole('row', { name: /^2025\/26/ }).getByRole('cell').first()).toHaveText(poolBalance);

  // Space closes it again (a real button), and the chart is still there.
  await page.keyboard.press('Space');
  await expect(balance.getByRole('button', { name: 'Show as a table' })).toHaveAttribute('aria-expanded', 'false');
  await expect(chartTable).toBeHidden();
  await expect(page.getByRole('img', { name: CHARTS[1].title })).toBeVisible();
});

test('the contributions table adds each year up across partners', async ({ page }) => {
  const contributions = figure(page, CHARTS[0].title);
  await contributions.getByRole('button', { name: 'Show as a table' }).click();
  const table = contributions.getByRole('table', { name: CHARTS[0].title });
  await expect(table.getByRole('columnheader', { name: 'Total' })).toBeVisible();
  const pence = (text) => Math.round(Number(text.replace(/[£,]/g, '').replace('−', '-')) * 100);
  const cells = await table.getByRole('row', { name: /^2025\/26/ }).getByRole('cell').allTextContents();
  const total = cells.pop();
  expect(cells.reduce((sum, c) => sum + pence(c), 0)).toBe(pence(total));
  expect(pence(total)).toBeGreaterThan(0);
});

test('charts and their open tables have no WCAG 2.2 AA violations axe-core can find', async ({ page }) => {
  for (const { title } of CHARTS) {
    await figure(page, title).getByRole('button', { name: 'Show as a table' }).click();
  }
  await expectNoAxeViolations(page, '.pb-charts');
});

test('charts on screen, in forced colours and in print', async ({ page }) => {
  // Tall enough that the results column (at most one screen high) shows both charts whole.
  await page.setViewportSize({ width: 1280, height: 4000 });
  const shoot = async (name) => {
    for (const [i, { title }] of CHARTS.entries()) {
      await figure(page, title).screenshot({ path: `${SCREENSHOTS}/chart-${i + 1}-${name}.png` });
    }
  };
  await shoot('screen');
  await page.emulateMedia({ forcedColors: 'active' });
  await shoot('forced-colours');
  await page.emulateMedia({ forcedColors: 'none', media: 'print' });
  // Print hides the buttons and keeps each chart whole; the text is black.
  await expect(page.getByRole('button', { name: 'Show as a table' }).first()).toBeHidden();
  await expect(page.locator('.pb-chart__tick').first()).toHaveCSS('fill', 'rgb(0, 0, 0)');
  await shoot('print');
});
