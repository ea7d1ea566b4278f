// The scheme grid: one row per scheme, edited with the keyboard alone as in a spreadsheet; the
// forecast switch (spend or over/underspend); the row's details one keystroke away; adding and
// removing schemes; axe-core on the grid in each state the tests reach.
import { readFileSync } from 'node:fs';
import { test, expect, expectNoAxeViolations, openApp, SCREENSHOTS } from './support.js';
import { expectSchemeCount, schemeGridRow, scrollToSchemeRow } from './steps.js';

const grid = (page) => page.getByRole('region', { name: /^Schemes:/ });
const cell = (page, column, scheme) => grid(page).getByLabel(`${column}, ${scheme}`, { exact: true });
const schemeRow = (page, scheme) => grid(page).locator('tbody tr')
  .filter({ has: page.getByLabel(`Scheme name, ${scheme}`, { exact: true }) });
const yearRow = (page, year) => page.getByRole('table', { name: /Better Care Fund: income and spending by year/ })
  .getByRole('row', { name: new RegExp(`^${year.replace('/', '\\/')}`) });

// Several axe-core passes over a page of some 400 controls each: more than the default 30 s
// on a busy machine.
test.describe.configure({ timeout: 90_000 });

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test("the template's grid shows its schemes, a row each, with their budgets", async ({ page, problems }) => {
  // A grid this small draws every row.
  await expectSchemeCount(page, 14);
  await expect(grid(page).getByRole('rowheader')).toHaveCount(14);
  await expect(cell(page, 'Scheme name', 'Reablement')).toHaveValue('Reablement');
  await expect(cell(page, 'Budget 2025/26', 'Reablement')).toHaveValue('6,200,000.00');
  await expect(cell(page, 'Budget 2029/30', "Carers' support")).toHaveValue('1,190,675.38');
  await expect(cell(page, 'Pool', 'Reablement')).toHaveValue('1');
  await expect(grid(page).getByRole('columnheader', { name: 'Variance 2025/26' })).toBeVisible();
  // The grid scrolls in its own box of at most 70% of the window, header and names in view.
  const box = await grid(page).boundingBox();
  expect(box.height).toBeLessThanOrEqual(0.7 * page.viewportSize().height + 2);
  expect(problems).toEqual([]);
  await expectNoAxeViolations(page);

  // One year at a time narrows a wide horizon.
  await page.getByLabel('Years shown').selectOption({ label: '2026/27' });
  await expect(grid(page).getByRole('columnheader', { name: /^Budget/ })).toHaveCount(1);
  await expect(cell(page, 'Budget 2026/27', 'Reablement')).toHaveValue('6,386,000.00');
  await expect(cell(page, 'Budget 2025/26', 'Reablement')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByLabel('Years shown').selectOption({ label: 'All years' });
  await expect(grid(page).getByRole('columnheader', { name: /^Budget/ })).toHaveCount(5);
});

test('the keyboard alone moves, edits, cancels and commits, and the results follow to the penny', async ({ page, problems }) => {
  await expect(yearRow(page, '2025/26')).toContainText('£42,876,000.00');
  await cell(page, 'Budget 2025/26', 'Reablement').focus();
  await page.keyboard.press('ArrowDown');
  const carers = cell(page, 'Budget 2025/26', "Carers' support");
  await expect(carers).toBeFocused();

  // Typing replaces the cell; Escape puts back what was there, and nothing changes.
  await page.keyboard.type('9,999,999');
  await expect(carers).toHaveValue('9,999,999');
  await page.keyboard.press('Escape');
  await expect(carers).toHaveValue('1,100,000.00');
  await expect(carers).toBeFocused();

  // Enter keeps the typing and moves down.
  await page.keyboard.type('1,200,000');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'Budget 2025/26', 'Home adaptations (DFG)')).toBeFocused();
  await expect(carers).toHaveValue('1,200,000.00');
  await expect(yearRow(page, '2025/26')).toContainText('£42,976,000.00');
  await expect(yearRow(page, '2025/26')).toContainText('£43,686,560.00');

  // Left and right move between cells when not typing; while typing they move the caret until
  // the text's edge.
  await page.keyboard.press('ArrowLeft');
  await expect(cell(page, 'Savings %', 'Home adaptations (DFG)')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  const dfg = cell(page, 'Budget 2025/26', 'Home adaptations (DFG)');
  await expect(dfg).toBeFocused();
  await page.keyboard.press('F2');
  await page.keyboard.press('ArrowLeft');
  await expect(dfg).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(cell(page, 'Budget 2026/27', 'Home adaptations (DFG)')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(cell(page, 'Budget 2026/27', "Carers' support")).toBeFocused();

  // Tab keeps the typing and moves right.
  await page.keyboard.type('1,000,000.50');
  await page.keyboard.press('Tab');
  await expect(cell(page, 'Budget 2027/28', "Carers' support")).toBeFocused();
  await expect(cell(page, 'Budget 2026/27', "Carers' support")).toHaveValue('1,000,000.50');
  await expect(yearRow(page, '2026/27')).toContainText('£44,098,280.50');

  // Bad input shows the existing inline error, keeps what was typed, and changes nothing.
  await page.keyboard.type('12o');
  await page.keyboard.press('Enter');
  const bad = cell(page, 'Budget 2027/28', "Carers' support");
  await expect(bad).toHaveAttribute('aria-invalid', 'true');
  await expect(bad).toHaveValue('12o');
  await expect(grid(page).locator('.pb-field__error')).toContainText('must be a number');
  await expect(yearRow(page, '2027/28')).toContainText('£45,608,508.40');
  expect(problems).toEqual([]);
  await expectNoAxeViolations(page);
});

test('forecasts typed as spend show the variance; a negative spend is refused; the switch reads variances', async ({ page, problems }) => {
  const spend = page.getByRole('radio', { name: 'Forecast spend in the year' });
  await expect(spend).toBeChecked();
  const budget = cell(page, 'Budget 2025/26', 'Social prescribing');
  await budget.fill('£1,000,000');
  await budget.press('Enter');
  const forecast = cell(page, 'Forecast spend 2025/26', 'Social prescribing');
  await forecast.fill('1,050,000');
  await forecast.press('Enter');
  const row = schemeRow(page, 'Social prescribing');
  await expect(row.locator('.pb-grid__cell--shown').first()).toHaveText('£50,000.00 over (5%)');

  await forecast.fill('-20,000');
  await forecast.press('Enter');
  await expect(forecast).toHaveAttribute('aria-invalid', 'true');
  await expect(row).toContainText('Forecast spend for Social prescribing in 2025/26 cannot be negative; to type an underspend, switch ‘Forecasts are typed as’ to over/underspend');
  await expect(row.locator('.pb-grid__cell--shown').first()).toHaveText('£50,000.00 over (5%)');
  await expectNoAxeViolations(page);

  // Over/underspend: the same forecast reads as its variance, and a minus sign is an underspend.
  await page.getByRole('radio', { name: 'Over- or underspend against plan' }).check();
  const variance = cell(page, 'Forecast over/underspend 2025/26', 'Social prescribing');
  await variance.fill('-20,000');
  await variance.press('Enter');
  await expect(variance).not.toHaveAttribute('aria-invalid', 'true');
  await expect(row.locator('.pb-grid__cell--shown').first()).toHaveText('£20,000.00 under (2%)');
  await variance.fill('5%');
  await variance.press('Enter');
  await expect(row.locator('.pb-grid__cell--shown').first()).toHaveText('£50,000.00 over (5%)');

  // The switch is undoable like any change.
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(spend).toBeChecked();
  expect(problems).toEqual([]);
  await expectNoAxeViolations(page);
});

test("a row's details open by key and by button, and close back to the row", async ({ page, problems }) => {
  const start = cell(page, 'Budget 2026/27', 'Rapid response');
  await start.focus();
  await page.keyboard.press('Alt+Enter');
  const heading = page.getByRole('heading', { name: 'Details of Rapid response' });
  await expect(heading).toBeFocused();
  await expectNoAxeViolations(page);
  // Its own risk share, notes, years and the fill are here, not in the row.
  const details = page.getByRole('region', { name: 'Details of Rapid response' });
  await details.getByLabel('Last year it runs').selectOption({ label: '2026/27' });
  await expect(cell(page, 'Budget 2027/28', 'Rapid response')).toHaveCount(0);
  await expect(schemeRow(page, 'Rapid response')).toContainText('Not running');
  await details.getByLabel("First year's budget, in pounds").fill('2,000,000');
  await details.getByLabel('Growth each year, in per cent').fill('10');
  await details.getByRole('button', { name: 'Fill budgets of Rapid response' }).click();
  await expect(cell(page, 'Budget 2026/27', 'Rapid response')).toHaveValue('2,200,000.00');
  await details.getByLabel("Who carries this scheme's overspend").selectOption('own');
  await expect(details.getByLabel(/This scheme's rule for/)).toBeVisible();
  await details.getByLabel('Notes').focus();
  await page.keyboard.press('Escape');
  await expect(heading).toHaveCount(0);
  await expect(start).toBeFocused();

  await grid(page).getByRole('button', { name: 'Details for Reablement' }).click();
  await expect(page.getByRole('heading', { name: 'Details of Reablement' })).toBeFocused();
  await page.getByRole('button', { name: 'Close details' }).click();
  await expect(grid(page).getByRole('button', { name: 'Details for Reablement' })).toBeFocused();
  expect(problems).toEqual([]);
});

test('a scheme is added below the grid and removed from its details', async ({ page, problems }) => {
  await page.getByRole('button', { name: 'Add scheme' }).click();
  const name = cell(page, 'Scheme name', 'Spending line 15');
  await expect(name).toBeFocused();
  await page.keyboard.type('Winter pressures');
  await page.keyboard.press('Enter');
  await expectSchemeCount(page, 15);
  await expect(cell(page, 'Scheme name', 'Winter pressures')).toHaveValue('Winter pressures');
  await expectNoAxeViolations(page);

  await cell(page, 'Scheme name', 'Winter pressures').focus();
  await page.keyboard.press('Alt+Enter');
  const details = page.getByRole('region', { name: 'Details of Winter pressures' });
  await details.getByRole('button', { name: 'Move up Winter pressures' }).click();
  await expect(schemeGridRow(page, 14)).toContainText('Winter pressures');
  await details.getByRole('button', { name: 'Remove Winter pressures' }).click();
  await expectSchemeCount(page, 14);
  await expect(details).toHaveCount(0);
  await expect(grid(page)).toBeFocused();
  expect(problems).toEqual([]);
  await expectNoAxeViolations(page);
});

test('removing a partner that commissions schemes lists them first', async ({ page }) => {
  const partner = page.getByRole('group', { name: /^Partner 1:/ });
  await partner.getByRole('button', { name: /^Remove/ }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText('Spending line ‘Reablement’ is commissioned by this partner');
  await confirm.getByRole('button', { name: 'Keep it' }).click();
  await expectSchemeCount(page, 14);
});

/** The documented example model with 120 schemes, every seventh running one year only. */
function hundredAndTwentySchemes() {
  const doc = readFileSync('docs/model-format.md', 'utf8');
  const model = JSON.parse(doc.split('```json\n')[1].split('```')[0]);
  const scenario = model.scenarios[0];
  const names = ['Reablement at home', 'Carers breaks', 'Discharge to assess', 'Community equipment', 'Falls prevention'];
  scenario.lines = Array.from({ length: 120 }, (_, i) => ({
    ...scenario.lines[0],
    id: i + 1,
    reference: `BCF-${String(i + 1).padStart(3, '0')}`,
    name: `${names[i % 5]} ${i + 1}`,
    ...(i % 7 === 3 ? { last_year: scenario.horizon.start } : {}),
  }));
  model.name = 'Large plan';
  return model;
}

for (const [width, height] of [[1280, 800], [320, 640]]) {
  test(`120 schemes at ${width} px: the grid scrolls in its own box, names and headings in view`, async ({ page, problems }) => {
    await page.setViewportSize({ width, height });
    await page.getByLabel('Open a model file (.json)').setInputFiles({
      name: 'large.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hundredAndTwentySchemes())),
    });
    await expectSchemeCount(page, 120);
    const box = await grid(page).boundingBox();
    expect(box.height).toBeLessThanOrEqual(0.7 * height + 2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.evaluate(() => document.getElementById('lines-heading').scrollIntoView());
    await page.screenshot({ path: `${SCREENSHOTS}/grid-120-${width}.png` });
    await cell(page, 'Budget 2025/26', 'Carers breaks 2').focus();
    for (let i = 0; i < 6; i += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await expect(cell(page, 'Budget 2026/27', 'Discharge to assess 8')).toBeFocused();
    await expect(schemeRow(page, 'Community equipment 4')).toContainText('Not running');
    await page.screenshot({ path: `${SCREENSHOTS}/grid-120-${width}-moved.png` });
    expect(problems).toEqual([]);
  });
}

test('120 schemes: only the rows near the view are drawn, and keys, links and focus still reach every row', async ({ page, problems }) => {
  await page.getByLabel('Open a model file (.json)').setInputFiles({
    name: 'large.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hundredAndTwentySchemes())),
  });
  await expectSchemeCount(page, 120);
  // The table says how many rows it has and where each drawn row is; far fewer are drawn.
  const drawn = grid(page).locator('tbody tr.pb-grid__row');
  expect(await drawn.count()).toBeLessThan(40);
  await expect(drawn.first()).toHaveAttribute('aria-rowindex', '2');

  // Arrow keys go on past the rows drawn at first, the grid scrolling with them.
  await cell(page, 'Scheme name', 'Reablement at home 1').focus();
  for (let i = 0; i < 45; i += 1) await page.keyboard.press('ArrowDown');
  const row46 = cell(page, 'Scheme name', 'Reablement at home 46');
  await expect(row46).toBeFocused();
  await expect(schemeGridRow(page, 46)).toHaveAttribute('aria-rowindex', '47');
  await expect(row46).toBeInViewport();

  // The row with focus stays drawn while the grid is scrolled far from it, so focus is never
  // lost; the next arrow key carries on from it.
  await scrollToSchemeRow(page, 1);
  await expect(row46).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(cell(page, 'Scheme name', 'Carers breaks 47')).toBeFocused();
  // Tab and Shift+Tab move along the row as ever.
  await page.keyboard.press('Tab');
  await expect(cell(page, 'Pool', 'Carers breaks 47')).toBeFocused();

  // A forecast far down the grid that the checklist warns about; its link, followed from the
  // top of the grid, draws the row again and puts focus in the cell.
  await scrollToSchemeRow(page, 100);
  const forecast = grid(page).getByLabel(/^Forecast (spend|over\/underspend) 2025\/26, Community equipment 99$/);
  await forecast.fill('50%');
  await forecast.press('Enter');
  await scrollToSchemeRow(page, 1);
  await cell(page, 'Scheme name', 'Reablement at home 1').focus();
  await expect(schemeGridRow(page, 99)).toHaveCount(0);
  const warning = page.locator('.pb-checklist__warnings a').filter({ hasText: 'Community equipment 99' });
  await warning.click();
  await expect(forecast).toBeFocused();
  await expect(forecast).toBeInViewport();
  await expectNoAxeViolations(page);

  // A scheme added at the end is drawn and focused, wherever the grid was scrolled.
  await scrollToSchemeRow(page, 1);
  await page.getByRole('button', { name: 'Add scheme' }).click();
  await expectSchemeCount(page, 121);
  await expect(cell(page, 'Scheme name', 'Spending line 121')).toBeFocused();
  expect(problems).toEqual([]);
});

test('120 schemes: the wheel moves the grid where it is turned, and no row is drawn again on the way', async ({ page, problems }) => {
  await page.getByLabel('Open a model file (.json)').setInputFiles({
    name: 'large.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hundredAndTwentySchemes())),
  });
  await expectSchemeCount(page, 120);
  const region = grid(page);
  await region.scrollIntoViewIfNeeded();
  await region.hover();
  // Every row drawn or taken away while the wheel turns, by its place in the table.
  await region.evaluate((box) => {
    window.gridRows = [];
    new MutationObserver((records) => {
      for (const record of records) {
        for (const [nodes, what] of [[record.addedNodes, 'drawn'], [record.removedNodes, 'gone']]) {
          for (const node of nodes) {
            const row = node.nodeType === 1 ? node.getAttribute('aria-rowindex') : null;
            if (row) window.gridRows.push({ row: Number(row) - 1, what });
          }
        }
      }
    }).observe(box.querySelector('tbody'), { childList: true });
  });
  const scrollTop = () => region.evaluate((box) => box.scrollTop);
  const rowsDrawnAgain = () => page.evaluate(() => {
    const gone = new Set();
    const again = [];
    for (const { row, what } of window.gridRows.splice(0)) {
      if (what === 'gone') gone.add(row);
      else if (gone.has(row)) again.push(row);
    }
    return again;
  });
  // One turn at a time, down to the last row and back up to the first (the turns stop at the
  // end, before the page itself would scroll). Each turn may settle back by less than a row
  // (the box snaps to whole cells), never more.
  const ends = await region.evaluate((box) => ({ top: 0, bottom: box.scrollHeight - box.clientHeight }));
  for (const [direction, end] of [[1, 'bottom'], [-1, 'top']]) {
    const seen = [await scrollTop()];
    for (let turn = 0; turn < 60 && Math.abs(seen.at(-1) - ends[end]) > 1; turn += 1) {
      await page.mouse.wheel(0, direction * 240);
      await page.waitForTimeout(80);
      seen.push(await scrollTop());
    }
    expect(Math.abs(seen.at(-1) - ends[end]), `the grid reached its ${end}: ${seen.join(', ')}`).toBeLessThanOrEqual(1);
    const backwards = seen.slice(1).map((top, at) => direction * (top - seen[at])).filter((moved) => moved < -40);
    expect(backwards, `the grid moved against the wheel on the way to the ${end}: ${seen.join(', ')}`).toEqual([]);
    expect(await rowsDrawnAgain(), `rows taken away and drawn again on the way to the ${end}`).toEqual([]);
  }
  await expect(schemeGridRow(page, 120)).toHaveCount(0);
  await expect(schemeGridRow(page, 1)).toBeVisible();
  expect(problems).toEqual([]);
});
