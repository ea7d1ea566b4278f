// Model files and CSV exports: a downloaded model file opens elsewhere with the same figures, as
// a new model; a bad file is explained field by field and changes nothing; CSV files are what
// Excel needs.
import { readFileSync } from 'node:fs';
import { test, expect, expectNoAxeViolations, openApp, SCREENSHOTS } from './support.js';
import { schemeCell } from './steps.js';

const partnerTable = (page) => page.getByRole('table', { name: /What each partner pays/ });
const models = (page) => page.locator('section.pb-models').getByRole('listitem');
const fileInput = (page) => page.getByLabel('Open a model file (.json)');
const problems = (page) => page.locator('#file-problems');

/** The first ```json block of docs/model-format.md: a valid model with figures worked by hand. */
function documentedExample() {
  const doc = readFileSync('docs/model-format.md', 'utf8');
  return doc.split('```json\n')[1].split('```')[0];
}

async function chooseFile(page, name, text) {
  await fileInput(page).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

async function keepMyWork(page) {
  await page.getByLabel('Name of the open model').fill('My saved work');
  await page.getByLabel('Name of the open model').press('Tab');
  await expect(models(page)).toHaveCount(1);
}

test('a downloaded model file opens in a fresh browser as a new model with the same figures', async ({ page, browser, problems: pageProblems }) => {
  await openApp(page);
  await page.getByLabel('Name of the open model').fill('Hackney: BCF / 2025');
  await page.getByLabel('Name of the open model').press('Tab');
  const forecast = schemeCell(page, 'Forecast spend 2025/26', 'Reablement');
  await forecast.fill('7,000,000');
  await forecast.press('Tab');
  const figures = await partnerTable(page).innerText();

  // Keyboard: the file input is the next stop after the download button, with a visible focus.
  await page.getByRole('button', { name: 'Download model file (.json)' }).focus();
  await page.keyboard.press('Tab');
  await expect(fileInput(page)).toBeFocused();
  await expect(fileInput(page)).toHaveCSS('outline-style', 'solid');

  const file = await download(page, 'Download model file (.json)');
  expect(file.name).toBe('Hackney- BCF - 2025.json');
  expect(JSON.parse(file.bytes.toString('utf8')).schema_version).toBe(5);
  await expect(page.locator('.pb-files').getByRole('status')).toContainText('Made ‘Hackney- BCF - 2025.json’');

  const other = await (await browser.newContext()).newPage();
  await openApp(other);
  await expect(models(other)).toHaveCount(1);
  await fileInput(other).setInputFiles({ name: file.name, mimeType: 'application/json', buffer: file.bytes });
  await expect(other.getByRole('alert')).toContainText('Opened ‘Hackney: BCF / 2025’ from the file as a new model. Your other models are unchanged.');
  await expect(models(other)).toHaveCount(2);
  await expect(other.getByLabel('Name of the open model')).toHaveValue('Hackney: BCF / 2025');
  expect(await partnerTable(other).innerText()).toBe(figures);
  await other.context().close();
  expect(pageProblems).toEqual([]);
});

test('a file that is not valid JSON is explained and changes nothing', async ({ page, problems: pageProblems }) => {
  await openApp(page);
  await keepMyWork(page);
  const figures = await partnerTable(page).innerText();
  await chooseFile(page, 'edited.json', '{\n  "schema_version": 1,\n  "name": "Edited by hand",\n}');
  await expect(problems(page)).toHaveAttribute('role', 'alert');
  await expect(problems(page)).toContainText('The file could not be opened');
  await expect(problems(page)).toContainText('Nothing has changed');
  await expect(problems(page)).toContainText('line 4, column 1');
  await expect(problems(page)).toBeFocused();
  await expect(models(page)).toHaveCount(1);
  await expect(models(page).first()).toContainText('My saved work (open)');
  expect(await partnerTable(page).innerText()).toBe(figures);
  // After a reload: storage holds only the saved work.
  await page.reload();
  await expect(models(page)).toHaveCount(1);
  await expect(page.getByLabel('Name of the open model')).toHaveValue('My saved work');
  expect(pageProblems).toEqual([]);
});

test('a field of the wrong type is named, in words and as its JSON path', async ({ page, problems: pageProblems }) => {
  await openApp(page);
  await keepMyWork(page);
  const model = JSON.parse(documentedExample());
  model.scenarios[0].lines[0].savings = 2;
  await chooseFile(page, 'wrong-type.json', JSON.stringify(model, null, 2));
  await expect(problems(page)).toBeFocused();
  const item = problems(page).getByRole('listitem');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Option ‘Option A: 50:50 risk share’ › spending line ‘Reablement’ › savings (scenarios[0].lines[0].savings):');
  await expect(item).toContainText('This is integer ‘2’, but the format expects an amount or percentage written as text in quotes');
  await expect(item).toContainText('scenarios[0].lines[0].savings');
  await expect(models(page)).toHaveCount(1);
  await expectNoAxeViolations(page);
  await problems(page).screenshot({ path: `${SCREENSHOTS}/files-problems.png` });
  expect(pageProblems).toEqual([]);
});

test('a file from a newer version of the modeller is refused with that reason', async ({ page, problems: pageProblems }) => {
  await openApp(page);
  await keepMyWork(page);
  const model = JSON.parse(documentedExample());
  model.schema_version = 7;
  await chooseFile(page, 'newer.json', JSON.stringify(model));
  await expect(problems(page)).toContainText('Format version (schema_version):');
  await expect(problems(page)).toContainText('made by a newer version of the modeller (format 7');
  await expect(models(page)).toHaveCount(1);
  await expect(models(page).first()).toContainText('My saved work (open)');
  expect(pageProblems).toEqual([]);
});

test('a model with things to put right lists them and opens only when asked', async ({ page, problems: pageProblems }) => {
  await openApp(page);
  await keepMyWork(page);
  const model = JSON.parse(documentedExample());
  model.scenarios[0].partners[1].name = '';
  model.scenarios[0].pools[0].risk_share.shares[1].percent = '40';
  await chooseFile(page, 'unfinished.json', JSON.stringify(model));
  await expect(problems(page)).toContainText('‘Better Care Fund example’ has 2 things to put right');
  await expect(problems(page)).toContainText('Option ‘Option A: 50:50 risk share’ › partner 2 › name:');
  await expect(problems(page)).toContainText('Option ‘Option A: 50:50 risk share’ › pool ‘Better Care Fund’ › risk share › shares: Fixed percentages for \'Better Care Fund\' total 90%');
  await expect(models(page)).toHaveCount(1);
  await expectNoAxeViolations(page);
  await problems(page).screenshot({ path: `${SCREENSHOTS}/files-incomplete.png` });
  await page.getByRole('button', { name: 'Don’t open it' }).click();
  await expect(problems(page)).toHaveCount(0);
  await expect(fileInput(page)).toBeFocused();
  await expect(models(page)).toHaveCount(1);

  await chooseFile(page, 'unfinished.json', JSON.stringify(model));
  await page.getByRole('button', { name: 'Open it as a new model' }).click();
  await expect(problems(page)).toHaveCount(0);
  await expect(models(page)).toHaveCount(2);
  await expect(page.getByLabel('Name of the open model')).toHaveValue('Better Care Fund example');
  expect(pageProblems).toEqual([]);
});

test('CSV exports start with a BOM, have a header and CRLF lines, and give figures to the penny', async ({ page, problems: pageProblems }) => {
  await openApp(page);
  await chooseFile(page, 'example.json', documentedExample());
  await expect(page.getByLabel('Name of the open model')).toHaveValue('Better Care Fund example');

  const partners = await download(page, 'Partner results (.csv)');
  expect(partners.name).toBe('Better Care Fund example partner results.csv');
  expect([...partners.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = partners.bytes.subarray(3).toString('utf8');
  const lines = text.split('\r\n');
  expect(lines[0]).toBe('Option,Financial year,Partner,Short name,Contributions,Funding gap share,Variance share,Unallocated income share,Net cost');
  expect(lines).toContain('Option A: 50:50 risk share,FY 2025/26,London Borough of Hackney,LBH,700000.00,0.00,26950.00,-9058.82,717891.18');
  expect(lines.at(-1)).toBe('');
  expect(text.replaceAll('\r\n', '')).not.toContain('\n');

  const pools = await download(page, 'Pool results (.csv)');
  const poolLines = pools.bytes.subarray(3).toString('utf8').split('\r\n');
  expect(poolLines[0]).toBe('Option,Financial year,Pool,Income,Planned spend,Funding gap,Unallocated income,Forecast spend,Variance,Balance');
  expect(poolLines[1]).toBe('Option A: 50:50 risk share,FY 2025/26,Better Care Fund,1700000.00,1678000.00,0.00,22000.00,1731900.00,53900.00,-31900.00');
  // One option only: no comparison to export yet.
  await expect(page.getByRole('button', { name: 'Comparison of options (.csv)' })).toHaveCount(0);
  expect(pageProblems).toEqual([]);
});

test('the comparison CSV has every other option against the base', async ({ page, problems: pageProblems }) => {
  await openApp(page);
  const comparison = await download(page, 'Comparison of options (.csv)');
  const lines = comparison.bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
  expect(lines[0]).toBe('Option,Base option,Partner,Base net cost,Option net cost,Difference,Difference (%)');
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    const [base, option, difference] = cells.slice(-4, -1).map(Number);
    expect(Math.round((option - base) * 100)).toBe(Math.round(difference * 100));
  }
  await page.locator('.pb-files').screenshot({ path: `${SCREENSHOTS}/files-panel.png` });
  expect(pageProblems).toEqual([]);
});
