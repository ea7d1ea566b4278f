// Schemes from a workbook: a 60-row block built exactly as Excel puts it on the clipboard pasted
// into the grid (preview first, one undo step), and the schemes CSV exported from one browser
// and imported into a fresh one with the same figures.
import { readFileSync } from 'node:fs';
import { test, expect, expectNoAxeViolations, openApp, SCREENSHOTS } from './support.js';
import { expectSchemeCount, paste, scrollToSchemeRow } from './steps.js';

const grid = (page) => page.locator('#scheme-grid-region table');
const poolTable = (page) => page.getByRole('table', { name: /income and spending by year/ }).first();
const preview = (page) => page.getByRole('region', { name: /^(Paste these rows|Import ‘.*’)\?$/ });

/** Pounds and pence as the app shows them: £1,234,567.89. */
const money = (pence) => {
  const negative = pence < 0n;
  const abs = negative ? -pence : pence;
  const pounds = (abs / 100n).toLocaleString('en-GB');
  const p = String(abs % 100n).padStart(2, '0');
  return `${negative ? '−' : ''}£${pounds}.${p}`;
};

/** A cell as Excel writes it into text/plain: quoted if it holds a tab, line break or quote. */
const excelCell = (text) => (/[\t\r\n"]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** The years the grid shows budgets for, from its column headings ("Budget 2025/26"). */
async function budgetYears(page) {
  const headings = await grid(page).locator('thead th').allInnerTexts();
  return headings.map((h) => h.match(/Budget\s+(\d{4}\/\d{2})/)?.[1]).filter(Boolean);
}

/** 60 schemes in the grid's column order, with what each year's planned spend must total. */
function workbookBlock(years, pool, commissioners) {
  const lines = [];
  const totals = years.map(() => 0n);
  for (let n = 1; n <= 60; n += 1) {
    const name = n === 3 ? 'Carers\' breaks\n(respite at home)' : `Scheme ${n} "${n % 2 ? 'home' : 'community'}"`;
    const budgets = years.map((_, y) => BigInt(100_000 + n * 1_250 + y * 10_000) * 100n + BigInt(n % 100));
    const cells = [
      `BCF-${String(n).padStart(3, '0')}`,
      name,
      pool,
      commissioners[n % commissioners.length],
      n % 4 === 0 ? 'Homerton Healthcare' : '',
      n % 2 ? 'NHS minimum contribution' : 'Other',
      '',
      '0',
      ...budgets.map((pence, y) => {
        if (n === 7 && y === 1) return 'TBC';
        const text = `£${(pence / 100n).toLocaleString('en-GB')}.${String(pence % 100n).padStart(2, '0')}`;
        return text;
      }),
      ...years.map((_, y) => (n === 5 && y === 0 ? '(1,000)' : '')),
    ];
    budgets.forEach((pence, y) => {
      if (!(n === 7 && y === 1)) totals[y] += pence;
    });
    lines.push(cells.map(excelCell).join('\t'));
  }
  return { text: `${lines.join('\r\n')}\r\n`, totals };
}

test('60 rows pasted from Excel: a preview, then the schemes, the pool totals to the penny, and one undo', async ({ page }) => {
  // 74 rows checked one by one and axe-core over the grid: 20 s on a quiet machine, 32 s on a
  // busy one (a CI run timed out here at 30 s). Speed is make bench's to judge, not this test's.
  test.setTimeout(90_000);
  await openApp(page);
  await page.getByLabel('Over- or underspend against plan').check();
  await expectSchemeCount(page, 14);
  const years = await budgetYears(page);
  expect(years.length).toBeGreaterThan(1);
  const before = await poolTable(page).innerText();
  const commissioners = await page.locator('#scenario-0-line-0-commissioner option').allInnerTexts();
  const pool = (await page.locator('#scenario-0-line-0-pool option:checked').innerText()).trim();
  const block = workbookBlock(years, pool, commissioners.filter((c) => c.trim()));

  await paste(page.locator('#scenario-0-line-0-reference'), block.text);
  await expect(preview(page)).toBeVisible();
  await expect(page.locator('#scheme-preview-heading')).toBeFocused();
  await expect(preview(page)).toContainText('60 rows: 46 new schemes, 14 changed');
  await expect(preview(page)).toContainText(`row 7, Budget ${years[1]}: ‘TBC’`);
  await expect(preview(page)).toContainText('left blank');
  // Nothing has changed yet.
  await expectSchemeCount(page, 14);
  expect(await poolTable(page).innerText()).toBe(before);
  await expectNoAxeViolations(page);

  await preview(page).getByRole('button', { name: 'Paste them' }).click();
  await expect(preview(page)).toHaveCount(0);
  await expectSchemeCount(page, 60);
  await expect(page.locator('#scenario-0-line-2-name')).toHaveValue("Carers' breaks (respite at home)");
  await scrollToSchemeRow(page, 60);
  await expect(page.locator('#scenario-0-line-59-reference')).toHaveValue('BCF-060');
  // Each pool's table follows the partner summary once the page is idle (ResultsDetail).
  const rowOf = async (year) => (await poolTable(page).innerText()).split('\n').find((line) => line.startsWith(year));
  for (const [y, year] of years.entries()) {
    await expect.poll(() => rowOf(year), { message: `${year} in the pool table` }).toContain(money(block.totals[y]));
  }
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SCREENSHOTS}/grid-60-pasted.png`, fullPage: false });

  await page.getByRole('button', { name: 'Undo' }).click();
  await expectSchemeCount(page, 14);
  await expect.poll(() => poolTable(page).innerText()).toBe(before);
});

test('a single value pasted into a cell is a normal paste, and cancelling a block changes nothing', async ({ page }) => {
  await openApp(page);
  const before = await poolTable(page).innerText();
  const cell = page.locator('#scenario-0-line-0-provider');
  await paste(cell, 'Homerton Healthcare\tExtra\r\nSecond\tRow\r\n');
  await expect(preview(page)).toBeVisible();
  await preview(page).getByRole('button', { name: 'Cancel: change nothing' }).click();
  await expect(preview(page)).toHaveCount(0);
  await expectSchemeCount(page, 14);
  expect(await poolTable(page).innerText()).toBe(before);
  await expect(page.locator('.pb-schemes-transfer').getByRole('status')).toContainText('Nothing was changed.');
});

test('the schemes CSV exported from one browser imports into a fresh one with the same figures', async ({ page, browser }) => {
  await openApp(page);
  // Change a budget so the exported schemes differ from the template's.
  const template = await poolTable(page).innerText();
  const budget = page.locator('#scenario-0-line-0-budget-year-' + (await budgetYears(page))[0].slice(0, 4));
  await budget.fill('7,654,321.09');
  await budget.press('Enter');
  await expect.poll(() => poolTable(page).innerText()).not.toBe(template);
  const figures = await poolTable(page).innerText();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export schemes (.csv)' }).click(),
  ]);
  const csv = readFileSync(await download.path());
  expect(download.suggestedFilename()).toMatch(/schemes\.csv$/);
  expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(csv.toString('utf8')).toContain('7654321.09');

  const other = await (await browser.newContext()).newPage();
  await openApp(other);
  expect(await poolTable(other).innerText()).not.toBe(figures);
  await other.getByLabel('Import schemes (.csv)').setInputFiles({ name: 'schemes.csv', mimeType: 'text/csv', buffer: csv });
  await expect(preview(other)).toBeVisible();
  // The fresh browser has the template: only the scheme whose budget was changed differs.
  await expect(preview(other)).toContainText('0 new schemes, 1 changed');
  await expectNoAxeViolations(other);
  await preview(other).getByRole('button', { name: 'Import them' }).click();
  await expect.poll(() => poolTable(other).innerText()).toBe(figures);
  await expect(other.locator('#scenario-0-line-0-budget-year-' + (await budgetYears(other))[0].slice(0, 4))).toHaveValue(/7,654,321\.09/);
});
