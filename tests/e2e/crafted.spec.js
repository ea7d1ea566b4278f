// Crafted links and files that once crashed the app on every load, or froze it: each now opens
// with a message (or is refused with one), nothing panics, and every saved model survives a
// reload. The two links are the regressions kept in tests/golden/crafted-*.txt.
import { readFileSync } from 'node:fs';
import { test, expect, expectNoAxeViolations, openApp } from './support.js';
import { enter, startFrom, schemeCell } from './steps.js';

const modelName = (page) => page.getByLabel('Name of the open model');
const listed = (page) => page.locator('.pb-models__name');
const crash = (page) => page.getByText('Something went wrong');
const fileInput = (page) => page.getByLabel('Open a model file (.json)');
const small = () => JSON.parse(readFileSync('tests/golden/link-v1-small.json', 'utf8')).model;
const HUGE = '50000000000000000000000000000';

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

/** Two saved models to lose: the template, and one made and named here. */
async function keepTwoModels(page) {
  await startFrom(page, 'A blank model');
  await enter(modelName(page), 'Work that must survive');
  await expect(page.getByText('All changes saved in this browser')).toBeVisible();
}

/** A fresh load of the app at `fragment` (not a hash change in an open page). */
async function loadWith(page, fragment) {
  await page.goto('about:blank');
  await openApp(page, `./#${fragment}`);
}

async function everyModelSurvivesAReload(page, count) {
  await page.reload();
  await expect(page.locator('#pb-loading')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Pooled budget modeller' })).toBeVisible();
  await expect(listed(page)).toHaveCount(count);
  await expect(listed(page).filter({ hasText: 'Work that must survive' })).toHaveCount(1);
  await expect(crash(page)).toHaveCount(0);
}

// What each shows: the first cannot be computed (a partner's shares overflow when added); the
// second computes (the shares weigh equally), and the editor's running total says it is too large.
for (const [name, shows] of [
  ['crafted-one-partner-twice', (page) => page.locator('.pb-results')],
  ['crafted-huge-share-total', (page) => page.getByText('Total: too large to add up')],
]) {
  test(`the crafted link ${name} opens with a message, and nothing is lost`, async ({ page, problems }) => {
    await keepTwoModels(page);
    const link = readFileSync(`tests/golden/${name}.txt`, 'utf8').trim();
    await loadWith(page, link);
    await expect(page.getByRole('alert').first()).toContainText('Opened the shared model');
    await expect(shows(page).first()).toContainText(/cannot be computed|too large/);
    await expect(page.locator('.pb-checklist, .pb-error-summary').first()).toBeVisible();
    await expect(crash(page)).toHaveCount(0);
    expect(problems).toEqual([]);
    await expectNoAxeViolations(page);
    await everyModelSurvivesAReload(page, 3);
  });
}

test('a model file whose fixed percentages list one partner twice at a huge percentage opens without a crash', async ({ page, problems }) => {
  await keepTwoModels(page);
  const model = small();
  model.scenarios[0].pools[0].risk_share = {
    kind: 'fixed_percentages',
    shares: [{ partner: 1, percent: HUGE }, { partner: 1, percent: HUGE }],
  };
  await fileInput(page).setInputFiles({ name: 'crafted.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(model)) });
  // validate lists the problems; opening it anyway is the person's choice, and must not crash.
  await expect(page.locator('#file-problems')).toContainText('listed more than once');
  await page.getByRole('button', { name: /Open it as a new model/ }).click();
  await expect(modelName(page)).toHaveValue('Small example');
  await expect(page.locator('.pb-results')).toContainText(/cannot be computed|too large/);
  await expect(crash(page)).toHaveCount(0);
  expect(problems).toEqual([]);
  await everyModelSurvivesAReload(page, 3);
});

test('a model file with duplicate ids opens renumbered, and an edit goes to the line shown', async ({ page }) => {
  await keepTwoModels(page);
  const model = small();
  const lines = model.scenarios[0].lines;
  lines.push({ ...lines[0], name: 'Second line with the same id', base_budget: '100.00' });
  await fileInput(page).setInputFiles({ name: 'duplicates.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(model)) });
  await expect(page.locator('#file-problems')).toContainText(/id/);
  await page.getByRole('button', { name: /Open it as a new model/ }).click();
  await expect(page.getByRole('alert').first()).toContainText(/now id/);
  const budget = schemeCell(page, 'Budget 2025/26', 'Second line with the same id');
  await enter(budget, '250');
  await expect(budget).toHaveValue('250.00');
  // The first line, which had the same id, is untouched.
  await expect(schemeCell(page, 'Budget 2025/26', 'Reablement')).toHaveValue('9,500,000.00');
});

test('a model file beyond the size limits is refused with the limit, and nothing is saved', async ({ page }) => {
  await keepTwoModels(page);
  const model = small();
  const template = model.scenarios[0].lines[0];
  model.scenarios[0].lines = Array.from({ length: 10_000 }, (_, i) => ({ ...template, id: i + 1, name: `Line ${i + 1}` }));
  const before = await page.evaluate(() => JSON.stringify(localStorage));
  const started = Date.now();
  await fileInput(page).setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(model)) });
  await expect(page.locator('#file-problems')).toContainText('10,000');
  await expect(page.locator('#file-problems')).toContainText('at most 200');
  // Refused quickly, not after a freeze (a generous bound: this is not a speed test).
  expect(Date.now() - started).toBeLessThan(20_000);
  await expect(page.getByRole('button', { name: /Open it as a new model/ })).toHaveCount(0);
  await expect(modelName(page)).toHaveValue('Work that must survive');
  const after = await page.evaluate(() => JSON.stringify(localStorage));
  expect(after).toBe(before);
  await everyModelSurvivesAReload(page, 2);
});

for (const [name, count] of [['crafted-10000-lines', '10,000'], ['crafted-45000-lines', '45,000']]) {
  test(`the link ${name} is refused with the limit at once, nothing is saved, and a reload is normal`, async ({ page, problems }) => {
    await keepTwoModels(page);
    const before = await page.evaluate(() => {
      const copy = { ...localStorage };
      delete copy['pooled-budgets.opening'];
      return JSON.stringify(copy);
    });
    const link = readFileSync(`tests/golden/${name}.txt`, 'utf8').trim();
    await loadWith(page, link);
    const alert = page.getByRole('alert').first();
    await expect(alert).toContainText(`Option 1 has ${count} spending lines; the modeller supports at most 200`);
    await expect(alert).toContainText('Your saved models are unchanged');
    await expect(modelName(page)).toHaveValue('Work that must survive');
    const after = await page.evaluate(() => {
      const copy = { ...localStorage };
      delete copy['pooled-budgets.opening'];
      return JSON.stringify(copy);
    });
    expect(JSON.parse(after)).toEqual(JSON.parse(before));
    expect(problems).toEqual([]);
    await everyModelSurvivesAReload(page, 2);
  });
}
