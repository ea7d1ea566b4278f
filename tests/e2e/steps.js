// Steps several browser tests share: finding a group of fields, typing into a field the way a
// person does, starting a model from a template, building a small pool by hand, and reaching a
// row of the scheme grid (which draws only the rows near its scroll position), and pasting a block.
import { expect } from './support.js';

export const group = (page, name) => page.getByRole('group', { name });
export const schemes = (page) => page.getByRole('region', { name: /^Schemes:/ });
/** A cell of the scheme grid, by its column's heading and the scheme's name. */
export const schemeCell = (page, column, scheme) => schemes(page).getByLabel(`${column}, ${scheme}`, { exact: true });
/** Row `row` (from 1) of the scheme grid, if it is drawn. */
export const schemeGridRow = (page, row) => schemes(page).locator(`tbody tr[aria-rowindex="${row + 1}"]`);
/** A cell of the scheme grid, by row (from 1) and its column's heading. */
export const schemeRowCell = (page, row, column) => schemeGridRow(page, row)
  .getByLabel(new RegExp(`^${column.replace(/[/()%]/g, '\\$&')}, `));

/** How many schemes the grid has in all: the table's `aria-rowcount`, less its header row. */
export async function expectSchemeCount(page, count) {
  await expect(schemes(page).getByRole('table')).toHaveAttribute('aria-rowcount', String(count + 1));
}

/**
 * Scrolls the scheme grid with the mouse wheel, as a person would, until row `row` (from 1) is
 * drawn and in the grid's box; returns the row.
 */
export async function scrollToSchemeRow(page, row) {
  const region = schemes(page);
  const target = schemeGridRow(page, row);
  await region.scrollIntoViewIfNeeded();
  await region.hover();
  for (let step = 0; step < 400; step += 1) {
    // The row is found and then measured in two steps; if the grid redrew in between, the row
    // found is no longer in it, and counts as not drawn.
    const where = await target.evaluateAll((found) => {
      const region = found[0]?.closest('[role="region"]');
      if (!region) return null;
      const box = region.getBoundingClientRect();
      const at = found[0].getBoundingClientRect();
      return at.top < box.top + 60 ? -1 : at.bottom > box.bottom ? 1 : 0;
    });
    if (where === 0) return target;
    const drawn = await region.locator('tbody tr[aria-rowindex]').evaluateAll(
      (rows) => rows.map((r) => Number(r.getAttribute('aria-rowindex')) - 1),
    );
    const down = where === null ? row > Math.max(0, ...drawn) : where > 0;
    await page.mouse.wheel(0, down ? 240 : -240);
    await page.waitForTimeout(30);
  }
  throw new Error(`row ${row} of the scheme grid never came into view`);
}
export const partnerRow = (page, name) =>
  page.getByRole('table', { name: /What each partner pays/ }).getByRole('row', { name: new RegExp(`^${name}`) });

/** Types into a field and leaves it, which is when the editor takes the value. */
export async function enter(field, text) {
  await field.fill(text);
  await field.press('Tab');
}

export async function startFrom(page, title) {
  await page.getByLabel('Start a new model from').selectOption({ label: title });
  await page.getByRole('button', { name: 'Create', exact: true }).click();
}

/**
 * Builds the two-partner pool from a blank model:
 * two partners each paying £1,000,000 a year for 3 years, one line with a £2,000,000 budget,
 * a 50:50 risk share, and £2,600,000 forecast spend in 2025/26 (a £600,000 overspend).
 */
export async function buildFiftyFiftyPool(page) {
  await startFrom(page, 'A blank model');
  await page.getByRole('button', { name: 'Add a partner' }).click();
  await page.getByRole('button', { name: 'Add a partner' }).click();
  await enter(group(page, /^Partner 1:/).getByLabel('Name', { exact: true }), 'London Borough of Hackney');
  await enter(group(page, /^Partner 2:/).getByLabel('Name', { exact: true }), 'NHS North East London ICB');

  await page.getByRole('button', { name: 'Add a pool' }).click();
  await enter(group(page, /^Pool 1:/).getByLabel('Name', { exact: true }), 'Community equipment pool');
  await group(page, /^Pool 1:/).getByLabel('Who carries an overspend').selectOption('fixed');

  await page.getByRole('button', { name: 'Add a contribution' }).click();
  await page.getByRole('button', { name: 'Add a contribution' }).click();
  await enter(group(page, /^Contribution 1:/).getByLabel('Amount each year, in pounds'), '1,000,000');
  await group(page, /^Contribution 2:/).getByLabel('Paid by').selectOption({ label: 'NHS North East London ICB' });
  await enter(group(page, /^Contribution 2:/).getByLabel('Amount each year, in pounds'), '£1,000,000.00');

  await page.getByRole('button', { name: 'Add scheme' }).click();
  for (const year of ['2025/26', '2026/27', '2027/28']) {
    await enter(schemeCell(page, `Budget ${year}`, 'Spending line 1'), '2,000,000');
  }
  await enter(schemeCell(page, 'Forecast spend 2025/26', 'Spending line 1'), '£2,600,000');
}

/** Dispatches a paste of `text` on `cell`, as Ctrl+V with that text on the clipboard does. */
export async function paste(cell, text) {
  await cell.focus();
  await cell.evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}
