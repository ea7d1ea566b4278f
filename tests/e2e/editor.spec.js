// The editor, as a finance lead uses it: start from a template or a blank model, build a pool,
// read each partner's share of an overspend, undo, reload, and recover from bad input.
import { test, expect, expectNoAxeViolations, openApp, SCREENSHOTS } from './support.js';
import {
  group, partnerRow, enter, startFrom, buildFiftyFiftyPool, schemes, schemeCell,
} from './steps.js';

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test('a fresh start opens the Better Care Fund template with live results', async ({ page, problems }) => {
  await expect(group(page, /^Pool 1: Better Care Fund/)).toBeVisible();
  await expect(page.getByRole('table', { name: /What each partner pays/ })).toBeVisible();
  await expect(page.getByText('Everything the model needs is filled in and consistent.')).toBeVisible();
  expect(problems).toEqual([]);
  await page.screenshot({ path: `${SCREENSHOTS}/editor-template.png`, fullPage: false });
  await expectNoAxeViolations(page);
});

test('a 50:50 risk share splits a £600,000 overspend £300,000 each, and undo takes it back', async ({ page, problems }) => {
  await buildFiftyFiftyPool(page);
  // Hand calculation: contributions £1,000,000 + £1,000,000 = £2,000,000 = planned spend, so
  // nothing is unallocated. Forecast £2,600,000 → overspend £600,000 in 2025/26, split 50:50:
  // £300,000 each. Net cost over three years: 3 × £1,000,000 + £300,000 = £3,300,000.
  await expect(group(page, /^Pool 1:/).getByText('Total: 100%')).toBeVisible();
  const hackney = partnerRow(page, 'London Borough of Hackney');
  const icb = partnerRow(page, 'NHS North East London ICB');
  await expect(hackney).toContainText('£3,000,000.00');
  await expect(hackney).toContainText('£300,000.00');
  await expect(hackney).toContainText('£3,300,000.00');
  await expect(icb).toContainText('£300,000.00');
  await expect(icb).toContainText('£3,300,000.00');
  await page.screenshot({ path: `${SCREENSHOTS}/editor-fifty-fifty.png`, fullPage: true });

  // Undo the overspend: shares go back to nothing. Redo brings them back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(hackney).toContainText('£3,000,000.00');
  await expect(hackney).not.toContainText('£300,000.00');
  await expect(schemeCell(page, 'Forecast spend 2025/26', 'Spending line 1')).toHaveValue('');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(hackney).toContainText('£300,000.00');

  // Ctrl+Z works from anywhere outside a field with uncommitted typing.
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Control+z');
  await expect(hackney).not.toContainText('£300,000.00');
  await page.keyboard.press('Control+Shift+z');
  await expect(hackney).toContainText('£300,000.00');
  expect(problems).toEqual([]);
  await expectNoAxeViolations(page);
});

test('everything is saved: after a reload the model is exactly as it was', async ({ page }) => {
  await buildFiftyFiftyPool(page);
  await expect(page.getByText('All changes saved in this browser')).toBeVisible();
  await page.reload();
  await expect(page.locator('#pb-loading')).toHaveCount(0);
  await expect(group(page, /^Pool 1: Community equipment pool/)).toBeVisible();
  await expect(partnerRow(page, 'NHS North East London ICB')).toContainText('£300,000.00');
  await expect(schemeCell(page, 'Forecast spend 2025/26', 'Spending line 1')).toHaveValue('2,600,000.00');
});

test('bad input is reported in an error summary that takes focus, and what was typed is kept', async ({ page }) => {
  const budget = schemeCell(page, 'Budget 2025/26', 'Reablement');
  const before = await page.getByRole('table', { name: /What each partner pays/ }).innerText();
  await enter(budget, '2,000,00o');

  const summary = page.getByRole('heading', { name: 'There is a problem' }).locator('..');
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  const link = summary.getByRole('link', { name: /must be a number, like 1250000 or 1,250,000.50/ });
  await expect(link).toBeVisible();
  await expect(budget).toHaveValue('2,000,00o');
  await expect(schemes(page).locator('.pb-field__error')).toContainText('must be a number');
  // The model keeps its last valid figures, so the results have not changed.
  expect(await page.getByRole('table', { name: /What each partner pays/ }).innerText()).toBe(before);
  await page.screenshot({ path: `${SCREENSHOTS}/editor-error-summary.png`, fullPage: false });
  await expectNoAxeViolations(page);

  // The link takes the person to the field; putting it right clears the summary.
  await link.click();
  await expect(budget).toBeFocused();
  await enter(budget, '£2,000,000');
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toHaveCount(0);
  // An in-page link is not a share link: no "not a pooled budget link" alert.
  await expect(page.getByText(/not a pooled budget link/i)).toHaveCount(0);

  // An amount beyond the limit below zero is told both bounds ("less than £1 trillion" is
  // already true of it), and the figures stay as they were.
  const fixed = await page.getByRole('table', { name: /What each partner pays/ }).innerText();
  await enter(budget, '−2,000,000,000,000');
  await expect(schemes(page).locator('.pb-field__error'))
    .toContainText('must be between −£1 trillion and £1 trillion');
  expect(await page.getByRole('table', { name: /What each partner pays/ }).innerText()).toBe(fixed);
  await enter(budget, '£2,000,000');
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toHaveCount(0);
});

test('removing a partner that others depend on says what goes with it and asks first', async ({ page }) => {
  const partner = group(page, /^Partner 1:/);
  const name = (await partner.getByLabel('Name', { exact: true }).inputValue());
  await partner.getByRole("button", { name: `Remove ${name}`, exact: true }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText(`Removing ‘${name}’ also removes:`);
  await expect(dialog).toContainText('Pool ‘Better Care Fund’ is hosted by this partner');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(group(page, /^Pool 1: Better Care Fund/)).toBeVisible();
});

test('the main flow works with the keyboard alone', async ({ page }) => {
  await startFrom(page, 'A blank model');
  // Reach each control by Tab from the top of the page, as a keyboard user would.
  const tabTo = async (locator) => {
    await page.getByRole('heading', { level: 1 }).focus();
    for (let i = 0; i < 300; i += 1) {
      if (await locator.evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error('could not reach the control with Tab');
  };
  const addPartner = page.getByRole('button', { name: 'Add a partner' });
  await tabTo(addPartner);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(group(page, /^Partner 2:/)).toBeVisible();

  const name = group(page, /^Partner 1:/).getByLabel('Name', { exact: true });
  await tabTo(name);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Hackney Council');
  await page.keyboard.press('Tab');
  await expect(group(page, /^Partner 1: Hackney Council/)).toBeVisible();

  await tabTo(page.getByRole('button', { name: 'Add a pool' }));
  await page.keyboard.press('Enter');
  await tabTo(page.getByRole('button', { name: 'Add a contribution' }));
  await page.keyboard.press('Enter');
  const amount = group(page, /^Contribution 1:/).getByLabel('Amount each year, in pounds');
  await tabTo(amount);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('250,000');
  await page.keyboard.press('Enter');
  await expect(partnerRow(page, 'Hackney Council')).toContainText('£750,000.00');

  // Undo from the keyboard, with focus on a button.
  await tabTo(page.getByRole('button', { name: 'Add a contribution' }));
  await page.keyboard.press('Control+z');
  await expect(partnerRow(page, 'Hackney Council')).not.toContainText('£750,000.00');
});

test('several models are kept: create, rename, duplicate, open and delete them', async ({ page }) => {
  const models = page.getByRole('region', { name: 'Your models' }).or(page.locator('section.pb-models'));
  await expect(models.getByRole('listitem')).toHaveCount(1);
  await enter(page.getByLabel('Name of the open model'), 'BCF 2025/26 options');
  await expect(models.getByRole('listitem').first()).toContainText('BCF 2025/26 options (open)');

  await startFrom(page, 'A blank model');
  await expect(models.getByRole('listitem')).toHaveCount(2);
  await expect(models.getByRole('listitem').nth(1)).toContainText('New pooled budget (open)');
  await expect(page.getByText('Partner 1:')).toHaveCount(0);

  // Open the first again: its partners are back, exactly as left.
  await models.getByRole('button', { name: 'Open BCF 2025/26 options' }).click();
  await expect(page.getByRole('group', { name: /^Pool 1: Better Care Fund/ })).toBeVisible();

  await models.getByRole('button', { name: 'Duplicate BCF 2025/26 options' }).click();
  await expect(models.getByRole('listitem')).toHaveCount(3);
  await expect(models.getByRole('listitem').nth(2)).toContainText('BCF 2025/26 options (2) (open)');

  // Deleting asks first; keeping it changes nothing.
  await models.getByRole('button', { name: 'Delete New pooled budget' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('Delete ‘New pooled budget’ from this browser? This cannot be undone.');
  await expectNoAxeViolations(page);
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete ‘New pooled budget’' }).click();
  await expect(models.getByRole('listitem')).toHaveCount(2);

  await page.reload();
  await expect(page.locator('#pb-loading')).toHaveCount(0);
  await expect(models.getByRole('listitem')).toHaveCount(2);
  await expect(models.getByRole('listitem').nth(1)).toContainText('BCF 2025/26 options (2) (open)');
});

test('from a template: change a flat-cash contribution and add a partner; the results follow', async ({ page }) => {
  await startFrom(page, 'Better Care Fund pool (illustrative figures)');
  const pounds = (text) => Number(text.replace(/[£,]/g, '').replace('\u2212', '-'));
  // The first contribution set as the same amount every year.
  let card;
  for (const candidate of await page.getByRole('group', { name: /^Contribution \d+:/ }).all()) {
    if (await candidate.getByLabel('Amount each year, in pounds').count()) { card = candidate; break; }
  }
  const amount = card.getByLabel('Amount each year, in pounds');
  const payer = await card.getByLabel('Paid by').evaluate((s) => s.options[s.selectedIndex].text);
  const row = partnerRow(page, payer);
  const contributions = async () => pounds(await row.getByRole('cell').first().innerText());
  const before = await contributions();
  const yearly = pounds(await amount.inputValue());

  // Hand calculation: £100,000 more each year for five years is £500,000 more in total.
  await enter(amount, String(yearly + 100000));
  await expect.poll(contributions).toBeCloseTo(before + 500000, 2);

  // Switching the rule carries the figure across rather than resetting it to nothing.
  await card.getByLabel('How the amount is set').selectOption('uplift');
  await expect(card.getByLabel(/^Amount in 2025\/26, in pounds/)).toHaveValue(/^[\d,]+\.\d\d$/);
  expect(pounds(await card.getByLabel(/^Amount in 2025\/26, in pounds/).inputValue())).toBe(yearly + 100000);
  await expect.poll(contributions).toBeCloseTo(before + 500000, 2);

  await page.getByRole('button', { name: 'Add a partner' }).click();
  const added = page.getByRole('group', { name: /^Partner \d+: Partner \d+$/ });
  await expect(added).toHaveCount(1);
  await enter(added.getByLabel('Name', { exact: true }), 'Hackney Housing Partnership');
  await expect(partnerRow(page, 'Hackney Housing Partnership')).toContainText('£0.00');
  await expectNoAxeViolations(page);
});

test('options: switch between them, copy one, make it the base, delete it after asking', async ({ page }) => {
  const results = page.locator('.pb-results');
  await expect(results).toContainText('Option A: as agreed');
  await page.getByLabel('Option being edited').selectOption({ label: 'Option B: pro rata' });
  await expect(results).toContainText('Option B: pro rata');
  await expect(page.getByLabel('Option name')).toHaveValue('Option B: pro rata');

  await page.getByRole('button', { name: 'Copy this option' }).click();
  await expect(page.getByLabel('Option name')).toHaveValue('Option B: pro rata (2)');
  await page.getByRole('button', { name: 'Make this the base' }).click();
  await expect(page.getByLabel('Option being edited').locator('option:checked')).toHaveText('Option B: pro rata (2) (base)');
  await expect(page.getByRole('button', { name: 'Make this the base' })).toBeDisabled();

  await page.getByRole('button', { name: 'Delete this option' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('Delete ‘Option B: pro rata (2)’? You can undo this.');
  await expectNoAxeViolations(page);
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete ‘Option B: pro rata (2)’' }).click();
  await expect(page.getByLabel('Option being edited').locator('option')).toHaveCount(3);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Option being edited').locator('option')).toHaveCount(4);
});
