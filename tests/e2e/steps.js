// Steps several browser tests share: finding a group of fields, typing into a field the way a
// person does, starting a model from a template, and building a small pool by hand.

export const group = (page, name) => page.getByRole('group', { name });
export const schemes = (page) => page.getByRole('region', { name: /^Schemes:/ });
/** A cell of the scheme grid, by its column's heading and the scheme's name. */
export const schemeCell = (page, column, scheme) => schemes(page).getByLabel(`${column}, ${scheme}`, { exact: true });
/** A cell of the scheme grid, by row (from 1) and its column's heading. */
export const schemeRowCell = (page, row, column) => schemes(page).locator('tbody tr').nth(row - 1)
  .getByLabel(new RegExp(`^${column.replace(/[/()%]/g, '\\$&')}, `));
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
