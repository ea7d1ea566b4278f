// Figures a board can read (issue 14, items 1–3): a plan that spends more than its income has
// a funding gap, shown apart from the variance with who bears it and a checklist warning; the
// choice of pounds, £000 or £m (and brackets) changes every table and the board paper, and is
// kept with the model.
import { test, expect, expectNoAxeViolations, openApp, SCREENSHOTS } from './support.js';
import { enter, paste } from './steps.js';


/** The unfunded plan: £55.3m planned against £43.0m of income, a £12.3m gap, and a
 * £430,000 forecast overspend on the ICB's line; two options to compare. */
function unfundedPlan() {
  const option = (id, name, riskShare) => ({
    id,
    name,
    horizon: { start: '2025/26', years: 1 },
    partners: [
      { id: 1, name: 'Hackney Council', short_name: 'LBH', kind: 'council' },
      { id: 2, name: 'NHS North East London ICB', short_name: 'ICB', kind: 'integrated_care_board' },
    ],
    pools: [{
      id: 1, name: 'Unfunded pool', pool_type: 'pooled', host: 1, risk_share: riskShare,
      underspend: 'returned_pro_rata', reserve: { opening: '0.00', set_aside_per_year: '0.00' },
    }],
    contributions: [
      { id: 1, name: 'Council grant', partner: 1, pool: 1, stream: 'better_care_grant',
        obligation: 'mandatory', rule: { kind: 'fixed', amount: '30000000.00' } },
      { id: 2, name: 'NHS minimum', partner: 2, pool: 1, stream: 'nhs_minimum',
        obligation: 'mandatory', rule: { kind: 'fixed', amount: '13000000.00' } },
    ],
    lines: [
      { id: 1, name: 'Home care', pool: 1, commissioner: 1,
        budget: [{ year: '2025/26', amount: '25300000.00' }] },
      { id: 2, name: 'Community health', pool: 1, commissioner: 2,
        budget: [{ year: '2025/26', amount: '30000000.00' }],
        forecast: [{ year: '2025/26', outturn: { kind: 'variance_amount', amount: '430000.00' } }] },
    ],
    ring_fences: [],
  });
  return JSON.stringify({
    schema_version: 2,
    name: 'Unfunded plan',
    base_scenario: 1,
    scenarios: [
      option(1, 'Option A: pro rata', { kind: 'pro_rata', capped: false }),
      option(2, 'Option B: host bears', { kind: 'host_bears' }),
    ],
  });
}

async function openUnfundedPlan(page) {
  await openApp(page);
  await page.getByLabel('Open a model file (.json)').setInputFiles({
    name: 'unfunded.json', mimeType: 'application/json', buffer: Buffer.from(unfundedPlan()),
  });
  await expect(page.getByRole('alert')).toContainText('from the file as a new model');
  await expect(page.getByLabel('Name of the open model')).toHaveValue('Unfunded plan');
}

const partnerTable = (page) => page.getByRole('table', { name: /^What each partner pays/ });
const poolTable = (page) => page.getByRole('table', { name: /Unfunded pool: income and spending by year/ });
const row = (table, name) => table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name }) });

/** Every column head of every money column on the page part. */
async function moneyHeads(scope) {
  return (await scope.locator('th.pb-table__header--numeric').allInnerTexts()).map((t) => t.trim());
}

test('a plan spending more than its income shows the funding gap apart from the variance, and the checklist warns', async ({ page, problems }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openUnfundedPlan(page);

  // The checklist no longer calls the plan complete and consistent: it names pool, year, gap.
  const checklist = page.locator('.pb-checklist');
  await expect(checklist).not.toContainText('Everything the model needs is filled in and consistent');
  await expect(checklist).toContainText('1 pool year with a funding gap');
  await expect(checklist).toContainText(
    "'Unfunded pool' has a funding gap of £12,300,000.00 in 2025/26: planned spend of £55,300,000.00 is more than its income of £43,000,000.00",
  );

  // The pool table: the gap in its own column, the variance the £430,000 overspend only.
  const pool = poolTable(page);
  await expect(pool.locator('thead')).toContainText('Funding gap (£)');
  const year = row(pool, '2025/26');
  await expect(year).toContainText('£12,300,000.00');
  const cells = await year.locator('td').allInnerTexts();
  const heads = await pool.locator('thead th').allInnerTexts();
  expect(cells[heads.indexOf('Variance (£)') - 1]).toBe('£430,000.00');
  expect(cells[heads.indexOf('Funding gap (£)') - 1]).toBe('£12,300,000.00');
  // Who bears it under the agreement: pro rata to contributions, 30:13.
  await expect(page.locator('.pb-pool-position')).toContainText(
    '2025/26: funding gap of £12,300,000.00 (planned spend above income; borne under the pool\'s risk share, as an overspend on the host\'s lines): LBH £8,581,395.35, ICB £3,718,604.65.',
  );

  // The partner table: the gap share apart from the share of variance (£430,000 pro rata).
  const partners = partnerTable(page);
  expect(await moneyHeads(partners)).toEqual([
    'Contributions (£)', 'Share of funding gap (£)', 'Share of variance (£)', 'Net cost (£)',
  ]);
  const council = await row(partners, 'Hackney Council').locator('td').allInnerTexts();
  expect(council).toEqual(['£30,000,000.00', '£8,581,395.35', '£300,000.00', '£38,881,395.35']);
  const all = await row(partners, 'All partners').locator('td').allInnerTexts();
  expect(all).toEqual(['£43,000,000.00', '£12,300,000.00', '£430,000.00', '£55,730,000.00']);
  await checklist.screenshot({ path: `${SCREENSHOTS}/figures-checklist-funding-gap.png` });
  await page.locator('.pb-results').screenshot({ path: `${SCREENSHOTS}/figures-results-funding-gap.png` });

  // The stress test shows forecast variance only: at the plan's own +£430,000 and no stress,
  // the ICB's share as forecast is its £130,000, not a share of the gap.
  await page.getByRole('button', { name: 'Compare options side by side' }).click();
  const stress = page.getByRole('table', { name: /share of the forecast variance, by this option's rules/ });
  await expect(row(stress, 'NHS North East London ICB').locator('td').nth(1)).toHaveText('£130,000.00');
  // The comparison lists the gap as a row of the pool table and offers it as a partner figure.
  const comparePool = page.getByRole('table', { name: /^Unfunded pool, / });
  await expect(comparePool.getByRole('rowheader', { name: 'Funding gap' })).toBeVisible();
  await page.getByLabel('Partner figure').selectOption({ label: 'Share of funding gap' });
  const gapTable = page.getByRole('table', { name: /^Share of funding gap by partner/ });
  // Option B's host bears the whole gap: the council pays the ICB's £3,718,604.65 too.
  await expect(row(gapTable, 'Hackney Council')).toContainText('£12,300,000.00');
  await expect(row(gapTable, 'Hackney Council')).toContainText('+£3,718,604.65');
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
});

test('£000 and brackets change every table and the board paper, and stay with the model', async ({ page, problems }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openUnfundedPlan(page);
  await page.locator('#results-money-unit').selectOption('thousands');
  await page.locator('#results-money-negatives').selectOption('brackets');

  const results = page.locator('.pb-results');
  const heads = await moneyHeads(results);
  expect(heads.length).toBeGreaterThan(10);
  for (const head of heads) expect(head).toMatch(/\(£000\)$/);
  // Pounds nowhere in a table cell: whole thousands, no £, no pence.
  for (const cell of await results.locator('td.pb-table__cell--numeric').allInnerTexts()) {
    expect(cell).toMatch(/^\(?[\d,]+\)?$/);
  }
  const council = await row(partnerTable(page), 'Hackney Council').locator('td').allInnerTexts();
  expect(council).toEqual(['30,000', '8,581', '300', '38,881']);
  await expect(partnerTable(page).locator('caption')).toContainText(
    'Amounts in £000 (thousands of pounds), rounded to the nearest £1,000. Negative amounts are in brackets, like (1,250).',
  );
  // 8,581 + 3,719 = 12,300: adds up as shown, so no footnote under that total.
  await expect(page.locator('.pb-checklist')).toContainText("'Unfunded pool' has a funding gap of £12,300k in 2025/26");
  // The chart's axis and sentence follow the unit.
  await expect(page.locator('#pb-chart-contributions .pb-chart__description')).toContainText('£43,000k');

  // Remembered with the model: a reload shows it in £000 still.
  await page.reload();
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.locator('#results-money-unit')).toHaveValue('thousands');
  await expect(row(partnerTable(page), 'Hackney Council')).toContainText('8,581');

  // The comparison and its board paper (print) are in £000 too, every money column saying so.
  await page.getByRole('button', { name: 'Compare options side by side' }).click();
  await expect(page.locator('#compare-money-unit')).toHaveValue('thousands');
  const compare = page.locator('.pb-compare');
  await page.emulateMedia({ media: 'print' });
  const printedHeads = await moneyHeads(compare);
  expect(printedHeads.length).toBeGreaterThan(10);
  for (const head of printedHeads) expect(head).toMatch(/\(£000\)$/);
  const netCost = page.getByRole('table', { name: /^Net cost by partner/ });
  // Option B: the host bears the gap and the overspend, the ICB pays its contribution only.
  await expect(row(netCost, 'NHS North East London ICB')).toContainText('13,000');
  await expect(row(netCost, 'NHS North East London ICB')).toContainText(`(3,849)`);
  for (const cell of await compare.locator('td.pb-table__cell--numeric:not(.pb-change)').allInnerTexts()) {
    expect(cell).toMatch(/^\(?[\d,]+\)?$/);
  }
  await page.screenshot({ path: `${SCREENSHOTS}/figures-board-paper-thousands.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
});

test('the Better Care Fund template\'s board paper in £000: units in every head, totals footnoted where rounding shows', async ({ page, problems }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  await page.locator('#results-money-unit').selectOption('thousands');
  await page.locator('#results-money-negatives').selectOption('brackets');
  await page.getByRole('button', { name: 'Compare options side by side' }).click();
  await page.emulateMedia({ media: 'print' });
  const compare = page.locator('.pb-compare');
  for (const head of await moneyHeads(compare)) expect(head).toMatch(/\(£000\)$/);
  // Each column of the partner table: the rounded figures against the rounded total; a
  // footnote under the table exactly when some column does not add up as shown.
  const table = page.getByRole('table', { name: /^Net cost by partner/ });
  const number = (text) => {
    const figure = text.split('\n')[0].trim();
    const negative = figure.startsWith('(') || figure.startsWith('\u2212');
    const value = Number(figure.replace(/[(),+\u2212]/g, ''));
    return negative ? -value : value;
  };
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText)));
  const [total, ...parts] = [rows.at(-1), ...rows.slice(0, -1)];
  const mismatched = total.filter((cell, c) => parts.reduce((sum, r) => sum + number(r[c]), 0) !== number(cell));
  const footnote = table.locator('xpath=..').locator('.pb-table__footnote');
  if (mismatched.length > 0) {
    await expect(footnote).toContainText('Totals are worked out from the exact amounts and then rounded');
  } else {
    await expect(footnote).toHaveCount(0);
  }
  await page.screenshot({ path: `${SCREENSHOTS}/figures-bcf-board-paper-thousands.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
});

test('in £000, amounts typed and pasted are read in £000 (a figure written with £ in pounds), the fields say so, and undo takes each back', async ({ page, problems }) => {
  await openApp(page);
  await page.locator('#results-money-unit').selectOption('thousands');
  const undo = page.getByRole('button', { name: 'Undo' });
  const unit = page.locator('#results-money-unit');
  // The grid's amount columns say their unit; a budget cell shows and reads £000.
  const heading = page.locator('#scheme-grid-region thead th').filter({ hasText: /^Budget \d{4}\/\d{2} \(£000\)$/ });
  await expect(heading.first()).toBeVisible();
  const first = page.locator('#scheme-grid-region tbody input[id$="-budget-year-2025"]').first();
  const second = page.locator('#scheme-grid-region tbody input[id$="-budget-year-2025"]').nth(1);
  const [firstId, secondId] = [await first.getAttribute('id'), await second.getAttribute('id')];
  const was = await first.inputValue();
  await enter(first, '1,250');
  await expect(page.locator(`#${firstId}`)).toHaveValue('1,250');
  // Written with £ and full digits: pounds, never scaled.
  await enter(page.locator(`#${firstId}`), '£2,000,000');
  await expect(page.locator(`#${firstId}`)).toHaveValue('2,000');
  // Undo: the £2,000,000, then the 1,250 (£1,250,000), each in one step.
  await undo.click();
  await expect(page.locator(`#${firstId}`)).toHaveValue('1,250');
  await undo.click();
  await expect(page.locator(`#${firstId}`)).toHaveValue(was);
  // In pounds the same cell shows the pounds typed: 1,250 in £000 was £1,250,000.
  await enter(page.locator(`#${firstId}`), '1,250');
  await unit.selectOption('pounds');
  await expect(page.locator(`#${firstId}`)).toHaveValue('1,250,000.00');
  await unit.selectOption('thousands');
  await undo.click(); // the unit
  await undo.click(); // the unit
  await undo.click(); // the 1,250
  await expect(page.locator(`#${firstId}`)).toHaveValue(was);

  // A money field outside the grid: its label and the mark beside it say £000.
  const reserve = page.getByLabel('Contingency reserve at the start, in £000').first();
  await expect(reserve).toBeVisible();
  await expect(reserve.locator('xpath=..')).toContainText('£000');
  await enter(reserve, '500');
  await expect(reserve).toHaveValue('500');
  await unit.selectOption('pounds');
  await expect(page.getByLabel('Contingency reserve at the start, in pounds').first()).toHaveValue('500,000.00');
  await unit.selectOption('thousands');

  // A block pasted from a £000 workbook: the preview asks, starting at the model's £000, and
  // says what it will do; a figure written with £ stays in pounds.
  await paste(page.locator(`#${firstId}`), '1,250\r\n£2,500,000\r\n');
  const preview = page.getByRole('region', { name: 'Paste these rows?' });
  await expect(preview).toBeVisible();
  await expect(preview.getByLabel('The figures in this table are in')).toHaveValue('thousands');
  await expect(preview).toContainText('1,250 means £1,250,000.00');
  await expect(preview).toContainText('Figures were read in £000, the unit this model shows amounts in');
  await expectNoAxeViolations(page, '.pb-preview');
  await preview.getByRole('button', { name: 'Paste them' }).click();
  await expect(page.locator(`#${firstId}`)).toHaveValue('1,250');
  await expect(page.locator(`#${secondId}`)).toHaveValue('2,500');
  await unit.selectOption('pounds');
  await expect(page.locator(`#${firstId}`)).toHaveValue('1,250,000.00');
  await expect(page.locator(`#${secondId}`)).toHaveValue('2,500,000.00');
  await unit.selectOption('thousands');
  await undo.click(); // the unit
  await undo.click(); // the unit
  await undo.click(); // the whole paste, in one step
  await expect(page.locator(`#${firstId}`)).toHaveValue(was);
  // Asked, the person can say the figures are pounds: then 1,250 is £1,250.
  await paste(page.locator(`#${firstId}`), '1,250\r\n2,500\r\n');
  await preview.getByLabel('The figures in this table are in').selectOption('pounds');
  await expect(preview).toContainText('1,250 means £1,250.00');
  await preview.getByRole('button', { name: 'Paste them' }).click();
  await expect(page.locator(`#${firstId}`)).toHaveValue('1.25');
  await expect(page.locator(`#${secondId}`)).toHaveValue('2.5');
  expect(problems).toEqual([]);
});
