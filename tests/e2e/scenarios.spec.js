// Options side by side: a template's three options compared against the base, the differences
// read in amounts and words, the inputs that differ listed, the stress test checked against a
// figure worked out by hand, and the board paper (print view).
import { test, expect, expectNoAxeViolations, openApp, SCREENSHOTS } from './support.js';
import { group, enter, buildFiftyFiftyPool } from './steps.js';

const MINUS = '\u2212';

/** "−£1,234.50" or "+£1,234.50" → pence, as a BigInt so nothing is lost to floating point. */
function pence(text) {
  const cleaned = text.trim().replace(MINUS, '-').replace(/[£,+]/g, '');
  const [pounds, fraction = '00'] = cleaned.split('.');
  const negative = pounds.startsWith('-');
  const value = BigInt(pounds.replace('-', '')) * 100n + BigInt(fraction.padEnd(2, '0'));
  return negative ? -value : value;
}

async function openComparison(page) {
  await page.getByRole('button', { name: 'Compare options side by side' }).click();
  await expect(page.getByRole('heading', { name: /^Compare options/ })).toBeFocused();
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
});

test('a template\'s three options compare against the base, in amounts and words', async ({ page, problems }) => {
  // The Better Care Fund template opens with three options; change an input in Option B.
  await page.getByLabel('Option being edited').selectOption({ label: 'Option B: pro rata' });
  const nhs = group(page, /^Contribution 1: NHS minimum contribution/);
  await enter(nhs.getByLabel('Uplift each year, in per cent'), '3.9');

  await openComparison(page);
  const table = page.getByRole('table', { name: /^Net cost by partner/ });
  // Each difference column names its option for screen readers.
  const headers = await table.locator('thead th').allTextContents();
  expect(headers.map((h) => h.replace(/\s+/g, ' ').trim())).toEqual([
    'Partner',
    'Option A: as agreed (base) (£)',
    'Option B: pro rata (£)', 'Option B: pro rata: Difference from base (£)',
    'Option C: host bears (£)', 'Option C: host bears: Difference from base (£)',
  ]);

  // Every difference is the option's figure less the base's, to the penny, with its word.
  const rows = table.locator('tbody tr');
  const count = await rows.count();
  expect(count).toBeGreaterThanOrEqual(3);
  for (let i = 0; i < count; i += 1) {
    const cells = await rows.nth(i).locator('td').allInnerTexts();
    const base = pence(cells[0]);
    for (const [figure, change] of [[cells[1], cells[2]], [cells[3], cells[4]]]) {
      const [amount, words] = change.split('\n').map((t) => t.trim());
      const difference = pence(amount);
      expect(difference).toBe(pence(figure) - base);
      if (difference > 0n) expect(words).toMatch(/more/);
      else if (difference < 0n) expect(words).toMatch(/less/);
      else expect(words).toBe('no change');
    }
  }
  // The ICB's lower uplift means it pays less in Option B than in the base.
  const icb = rows.filter({ hasText: 'Integrated Care Board' }).first();
  await expect(icb.locator('td').nth(2)).toContainText('less');

  // The differences as bars around zero, with the figures one click away: the table's
  // "Difference from base" columns, to the penny.
  const chart = page.locator('#pb-chart-differences');
  await expect(chart.getByRole('img', { name: /^Difference from the base \(Option A: as agreed\) in net cost/ })).toBeVisible();
  await chart.getByRole('button', { name: 'Show as a table' }).click();
  const chartRow = chart.getByRole('table').getByRole('row', { name: /^London Borough of Hackney/ });
  const hackney = await rows.filter({ hasText: 'London Borough of Hackney' }).first().locator('td').allInnerTexts();
  const plotted = await chartRow.locator('td').allInnerTexts();
  expect(plotted.slice(0, 2).map(pence)).toEqual([hackney[2], hackney[4]].map((c) => pence(c.split('\n')[0])));

  const changes = page.getByRole('region', { name: 'What differs from the base' });
  await expect(changes.getByRole('listitem').filter({ hasText: 'NHS minimum contribution uplift: 5.66% → 3.9%' })).toBeVisible();
  await expect(changes.getByRole('listitem').filter({ hasText: /risk share/ }).first()).toBeVisible();

  // One year at a time; contributions instead of net cost.
  await page.getByLabel('Years').selectOption('2026/27');
  await page.getByLabel('Partner figure').selectOption({ label: 'Contributions' });
  await expect(page.getByRole('table', { name: /^Contributions by partner, 2026\/27/ })).toBeVisible();
  await page.getByLabel('Years').selectOption({ index: 0 });
  await page.getByLabel('Partner figure').selectOption({ label: 'Net cost' });

  // The comparison of the three options fits one 1280×800 screen without scrolling sideways.
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(1280);
  await page.screenshot({ path: `${SCREENSHOTS}/compare-1280x800.png` });
  await expectNoAxeViolations(page);

  // The board paper: print media, A4 landscape, no controls.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print board paper' })).toBeHidden();
  await expect(page.getByLabel('Partner figure')).toBeHidden();
  await expect(table).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/compare-print.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // Back to editing returns focus to where the comparison was opened.
  await page.getByRole('button', { name: 'Back to editing' }).click();
  await expect(page.getByRole('button', { name: 'Compare options side by side' })).toBeFocused();
  expect(problems).toEqual([]);
});

test('a blank option can be added, and options left out of the comparison, but not the base', async ({ page }) => {
  await page.getByRole('button', { name: 'Add a blank option' }).click();
  await expect(page.getByLabel('Option being edited').locator('option:checked')).toHaveText('New option 4');
  await expect(page.getByRole('heading', { name: /^Partners/ })).toBeVisible();
  await openComparison(page);
  const blank = page.getByLabel('New option 4', { exact: true });
  await expect(blank).toBeChecked();
  await blank.uncheck();
  const base = page.getByLabel('Option A: as agreed (base)', { exact: true });
  await expect(base).toBeChecked();
  await expect(base).toBeDisabled();
  await page.getByLabel('Option C: host bears', { exact: true }).uncheck();
  const headers = await page.getByRole('table', { name: /^Net cost by partner/ }).locator('thead th').count();
  expect(headers).toBe(4);
  await page.getByLabel('Option B: pro rata', { exact: true }).uncheck();
  await expect(page.getByText(/Choose at least one option besides the base/)).toBeVisible();
});

test('the stress test shares a 15% overspend as worked out by hand', async ({ page, problems }) => {
  // Two partners pay £1,000,000 a year each for three years into a 50:50 pool hosted by the
  // council; its one line has a £2,000,000 budget. 15% over plan on every line, every year:
  // £300,000 a year, £900,000 in all; 50:50 is £450,000 each. As forecast (a £600,000
  // overspend in 2025/26 only) each carried £300,000, so the stress adds £150,000 each.
  await buildFiftyFiftyPool(page);
  await page.getByRole('button', { name: 'Copy this option' }).click();
  await page.getByRole('button', { name: 'Copy this option' }).click();
  await expect(page.getByLabel('Option being edited').locator('option')).toHaveCount(3);

  await openComparison(page);
  const range = page.getByLabel('Forecast against plan, on every line');
  await range.focus();
  // From +5%, ten presses of the right arrow: +15%.
  for (let i = 0; i < 10; i += 1) await range.press('ArrowRight');
  await expect(page.locator('output[for="stress-percent"]')).toHaveText('+15% (overspend)');

  const own = page.getByRole('table', { name: /by this option's rules/ });
  const hackney = own.getByRole('row', { name: /^London Borough of Hackney/ });
  await expect(hackney.locator('td')).toHaveText(['£3,000,000.00', '£300,000.00', '£450,000.00', /^\+£150,000\.00\s*▲ more \(\+50%\)$/]);
  await expect(page.getByText(/the forecast variance over the period is £900,000\.00 \(as forecast: £600,000\.00\)/)).toBeVisible();

  const patterns = page.getByRole('table', { name: /under each risk-share pattern/ });
  const heads = (await patterns.locator('thead th').allTextContents()).map((h) => h.replace(/\s+/g, ' ').trim());
  const column = (name) => heads.indexOf(name) - 1;
  const hackneyRow = patterns.getByRole('row', { name: /^London Borough of Hackney/ });
  const icbRow = patterns.getByRole('row', { name: /^NHS North East London ICB/ });
  // The host (the council) carries it all; no sharing puts it on the line's commissioner.
  await expect(hackneyRow.locator('td').nth(column('Host bears (£)'))).toHaveText('£900,000.00');
  await expect(icbRow.locator('td').nth(column('Host bears (£)'))).toHaveText('£0.00');
  await expect(icbRow.locator('td').nth(column('Pro rata (£)'))).toHaveText('£450,000.00');
  expect(heads).toContain('Fixed percentages (this option\'s rule) (£)');

  // An underspend of 10% comes back pro rata: £200,000 a year, £600,000 in all, −£300,000 each.
  await range.press('Home');
  await expect(page.locator('output[for="stress-percent"]')).toHaveText(`${MINUS}10% (underspend)`);
  await expect(hackney.locator('td').nth(2)).toHaveText(`${MINUS}£300,000.00`);

  await page.screenshot({ path: `${SCREENSHOTS}/stress-test.png`, fullPage: true });
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
});
