// Schema version 2 (budgets per year) keeps every earlier model: golden version 1 links and a
// version 1 model file open in the built app with the figures the version 1 modeller computed
// (tests/golden/results-v1.json, written by commit 29cd675), to the penny.
import { readFileSync } from 'node:fs';
import { test, expect, expectNoAxeViolations, openApp } from './support.js';

const results = JSON.parse(readFileSync('tests/golden/results-v1.json', 'utf8'));
const partnerTable = (page) => page.getByRole('table', { name: /What each partner pays/ });
const pounds = (text) =>
  `£${Number(text).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** Every partner's net cost over the horizon, as the partner table shows it. */
function expectedNetCosts(stem, scenarioName) {
  const scenario = results[stem].find((r) => r.scenario_name === scenarioName);
  expect(scenario, `${stem}: ${scenarioName} in results-v1.json`).toBeTruthy();
  return scenario.partner_totals.map((p) => pounds(p.net_cost).replace('£-', '−£'));
}

for (const stem of ['link-v1-small', 'link-v1-reference', 'link-v1-reference-option-c']) {
  test(`the golden ${stem} link opens with the figures version 1 computed`, async ({ page }) => {
    const link = readFileSync(`tests/golden/${stem}.txt`, 'utf8').trim();
    const snapshot = JSON.parse(readFileSync(`tests/golden/${stem}.json`, 'utf8'));
    const selected = snapshot.model.scenarios.find((s) => s.id === snapshot.selected);
    await openApp(page, `./#${link}`);
    const table = partnerTable(page);
    await expect(table).toBeVisible();
    const text = await table.innerText();
    for (const figure of expectedNetCosts(stem, selected.name)) {
      expect(text, `${stem}: ${figure}`).toContain(figure);
    }
  });
}

test('a version 1 model file opens with the same figures, saved again as version 2', async ({ page }) => {
  await openApp(page);
  const file = readFileSync('tests/golden/model-v1-documented.json');
  await page.getByLabel('Open a model file (.json)').setInputFiles({ name: 'v1.json', mimeType: 'application/json', buffer: file });
  await expect(page.getByRole('alert')).toContainText('from the file as a new model');
  const text = await partnerTable(page).innerText();
  for (const figure of expectedNetCosts('model-v1-documented', 'Option A: 50:50 risk share')) {
    expect(text).toContain(figure);
  }
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download model file (.json)' }).click(),
  ]);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(saved.schema_version).toBe(5);
  expect(saved.scenarios[0].lines[0].budget).toEqual([
    { year: '2025/26', amount: '1100000.00' },
    { year: '2026/27', amount: '1133000.00' },
  ]);
  await expectNoAxeViolations(page);
});
