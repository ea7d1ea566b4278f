// Options linked to their base (issue #15): a copy holds only what it changes, so correcting a
// scheme's budget in the base reaches the copy (and the template's options) while the copy's own
// rule stays; "Use the base's value" drops an override; undo restores each step; a linked model
// travels by share link and model file into a fresh browser still linked.
import { test, expect, expectNoAxeViolations, openApp, SCREENSHOTS } from './support.js';
import { group, enter, schemeCell, schemes } from './steps.js';

const optionSelect = (page) => page.getByLabel('Option being edited');
const openOption = (page) => optionSelect(page).locator('option:checked');
const changes = (page) => page.getByRole('region', { name: 'Changes in this option' });
const budget = (page) => schemeCell(page, 'Budget 2025/26', 'Reablement');
const rule = (page) => group(page, /^Pool 1:/).getByLabel('Who carries an overspend');

async function choose(page, name) {
  await optionSelect(page).selectOption({ label: name });
  await expect(openOption(page)).toHaveText(name);
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('a copy follows a correction to its base, keeps its own rule, and undo restores each step', async ({ page, problems }) => {
  await openApp(page);
  const base = (await openOption(page).innerText()).replace(/ \(base\)$/, '');
  const original = await budget(page).inputValue();

  // 1. Copy the base: the copy is linked and changes nothing yet.
  await page.getByRole('button', { name: 'Copy this option' }).click();
  const copy = await openOption(page).innerText();
  expect(copy).not.toBe(base);
  await expect(page.locator('#link-status')).toContainText(`Based on ‘${base}’`);
  await expect(changes(page)).toContainText('It changes nothing yet');

  // 2. Change one rule in the copy: it becomes the copy's own, marked in words.
  const baseRule = await rule(page).inputValue();
  await rule(page).selectOption('host');
  await expect(changes(page)).toContainText('It changes one thing');
  await expect(changes(page).getByRole('listitem')).toHaveCount(1);
  await expect(changes(page).getByRole('listitem')).toContainText('risk share');
  await expect(group(page, /^Pool 1:/).locator('legend')).toContainText('◆ changed from base');

  // 3. Correct a scheme's budget in the base: the copy follows, its rule stays.
  await choose(page, `${base} (base)`);
  await enter(budget(page), '1,350,000');
  await expect(budget(page)).toHaveValue('1,350,000.00');
  await choose(page, copy);
  await expect(budget(page)).toHaveValue('1,350,000.00');
  await expect(budget(page)).not.toHaveAccessibleDescription(/changed from base/);
  await expect(rule(page)).toHaveValue('host');
  // The template's own options are linked to the base too.
  await choose(page, 'Option B: pro rata');
  await expect(budget(page)).toHaveValue('1,350,000.00');
  await choose(page, copy);

  // 4. A budget changed in the copy is marked, with the base's figure and its own.
  await enter(budget(page), '1,400,000');
  await expect(budget(page)).toHaveAccessibleDescription('changed from base: £1,350,000.00 → £1,400,000.00');
  await expect(schemeCell(page, 'Budget 2025/26', 'Reablement').locator('xpath=..')).toContainText('◆ changed');
  await expect(changes(page).getByRole('listitem')).toHaveCount(2);
  await expectNoAxeViolations(page);
  await changes(page).screenshot({ path: `${SCREENSHOTS}/linked-changes.png` });
  await budget(page).locator('xpath=..').screenshot({ path: `${SCREENSHOTS}/linked-cell.png` });

  // 5. "Use the base's value" drops that override: the base's figure is back, unmarked.
  await changes(page).getByRole('listitem').filter({ hasText: 'budget' })
    .getByRole('button', { name: "Use the base's value" }).click();
  await expect(budget(page)).toHaveValue('1,350,000.00');
  await expect(budget(page)).not.toHaveAccessibleDescription(/changed from base/);
  await expect(changes(page).getByRole('listitem')).toHaveCount(1);

  // The results follow at once: the comparison shows no difference but the copy's rule.
  await page.getByRole('button', { name: 'Compare options side by side' }).click();
  const differs = page.getByRole('region', { name: 'What differs from the base' });
  await expect(differs).toContainText('risk share');
  await expect(differs).not.toContainText('budget');
  await page.getByRole('button', { name: 'Back to editing' }).click();

  // Undo goes back one step at a time.
  const undo = page.getByRole('button', { name: 'Undo' });
  await undo.click(); // 5
  await expect(budget(page)).toHaveValue('1,400,000.00');
  await undo.click(); // 4
  await expect(budget(page)).toHaveValue('1,350,000.00');
  await undo.click(); // 3
  await expect(openOption(page)).toHaveText(`${base} (base)`);
  await expect(budget(page)).toHaveValue(original);
  await choose(page, copy);
  await expect(budget(page)).toHaveValue(original);
  await expect(rule(page)).toHaveValue('host');
  await undo.click(); // 2
  await expect(rule(page)).toHaveValue(baseRule);
  await expect(changes(page)).toContainText('It changes nothing yet');
  await undo.click(); // 1
  await expect(optionSelect(page).locator('option', { hasText: copy })).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('a base with options based on it is deleted only after making them independent', async ({ page, problems }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Delete this option' }).click();
  const ask = page.getByRole('alertdialog');
  await expect(ask).toContainText('‘Option B: pro rata’, ‘Option C: host bears’ are based on');
  await expectNoAxeViolations(page);
  await ask.getByRole('button', { name: /^Make independent and delete/ }).click();
  await expect(optionSelect(page).locator('option')).toHaveCount(2);
  await expect(page.locator('#link-status')).toContainText('Independent');
  expect(problems).toEqual([]);
});

/** The Better Care Fund pool's "Variance" row in the comparison: each option's figure and each
 * option's difference from the base, in pence: { a, b, c, bDiff, cDiff }. */
async function bcfVariance(page) {
  const table = page.getByRole('table', { name: /^Better Care Fund, / });
  const row = table.getByRole('row').filter({ hasText: /^Variance/ });
  const cells = await row.getByRole('cell').allInnerTexts();
  const pence = (text) => {
    const m = text.replace(/\s+/g, ' ').match(/([+−-]?)£([\d,]+)\.(\d\d)/);
    if (!m) throw new Error(`no amount in “${text}”`);
    const value = Number(m[2].replace(/,/g, '')) * 100 + Number(m[3]);
    return m[1] === '−' || m[1] === '-' ? -value : value;
  };
  const [a, b, bDiff, c, cDiff] = cells.map(pence);
  return { a, b, c, bDiff, cDiff };
}

test('correcting a budget in the template\'s base reaches all three options, with no spurious difference', async ({ page, problems }) => {
  await openApp(page);
  // The template's three options: B and C are based on A.
  await expect(optionSelect(page).locator('option')).toHaveCount(3);
  for (const option of ['Option B: pro rata', 'Option C: host bears']) {
    await choose(page, option);
    await expect(page.locator('#link-status')).toContainText('Based on ‘Option A: as agreed’');
  }
  await choose(page, 'Option A: as agreed (base)');
  const compare = page.getByRole('button', { name: 'Compare options side by side' });
  const back = page.getByRole('button', { name: 'Back to editing' });
  await compare.click();
  const before = await bcfVariance(page);
  await back.click();

  // One correction, in the base only.
  const original = await budget(page).inputValue();
  await enter(budget(page), '1,350,000');
  for (const option of ['Option B: pro rata', 'Option C: host bears']) {
    await choose(page, option);
    await expect(budget(page)).toHaveValue('1,350,000.00');
    await expect(budget(page)).not.toHaveAccessibleDescription(/changed from base/i);
  }

  // All three options' figures moved together, by the correction; the differences from the
  // base did not move at all (no spurious difference).
  await compare.click();
  const after = await bcfVariance(page);
  const moved = after.a - before.a;
  expect(original).not.toBe('1,350,000.00');
  expect(moved).not.toBe(0);
  expect(after.b - before.b).toBe(moved);
  expect(after.c - before.c).toBe(moved);
  expect(after.bDiff).toBe(before.bDiff);
  expect(after.cDiff).toBe(before.cDiff);
  const differs = page.getByRole('region', { name: 'What differs from the base' });
  await expect(differs).toContainText('risk share');
  await expect(differs).not.toContainText('Reablement');
  await expect(differs).not.toContainText('budget');
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
});

test('each field a linked option sets is marked beside it, read with it, and can take the base\'s value again', async ({ page, problems }) => {
  await openApp(page);
  await choose(page, 'Option B: pro rata');
  const partner = group(page, /^Partner 1:/);
  const short = partner.getByLabel('Short name');
  const fence = group(page, /^Ring-fenced minimum 1:/);
  const how = fence.getByLabel('How the minimum is set');
  const plan = page.getByRole('region', { name: 'The plan' });
  const years = plan.getByLabel('Number of years');
  const baseShort = await short.inputValue();
  const baseYears = await years.inputValue();
  const baseHow = await how.inputValue();

  // Nothing of these is B's own yet: no marker.
  for (const field of [short, how, years]) await expect(field).not.toHaveAccessibleDescription(/Changed from base/);

  // Set each in B: a marker with the base's value and B's, read with the field.
  await enter(short, 'HCK');
  await expect(short).toHaveAccessibleDescription(new RegExp(`Changed from base: .*short name: ${baseShort} → HCK$`));
  // Named by the partner's full name, not by the new short name itself.
  await expect(short).not.toHaveAccessibleDescription(/Changed from base: HCK short name/);
  await expect(partner).toContainText('◆');
  await how.selectOption(baseHow === 'amount' ? 'share' : 'amount');
  await expect(how).toHaveAccessibleDescription(/Changed from base: .*→/);
  await years.selectOption(String(Number(baseYears) - 1));
  await expect(years).toHaveAccessibleDescription(/Changed from base: Plan: .*→/);
  await enter(budget(page), '1,400,000');
  await expect(budget(page)).toHaveAccessibleDescription(/changed from base: .* → £1,400,000.00/);

  // Each has its own "Use the base's value", named for its field, at least 24 by 24 pixels.
  const resets = [
    partner.getByRole('button', { name: "Use the base's value for Short name" }),
    fence.getByRole('button', { name: "Use the base's value for How the minimum is set" }),
    plan.getByRole('button', { name: "Use the base's value for Number of years" }),
    schemes(page).getByRole('button', { name: 'Use base value for Budget 2025/26, Reablement' }),
  ];
  for (const reset of resets) {
    await expect(reset).toBeVisible();
    const box = await reset.boundingBox();
    expect(box.width).toBeGreaterThanOrEqual(24);
    expect(box.height).toBeGreaterThanOrEqual(24);
  }
  await expectNoAxeViolations(page);
  await partner.screenshot({ path: `${SCREENSHOTS}/linked-partner.png` });
  await fence.screenshot({ path: `${SCREENSHOTS}/linked-ring-fence.png` });
  await plan.screenshot({ path: `${SCREENSHOTS}/linked-plan.png` });
  await budget(page).locator('xpath=..').screenshot({ path: `${SCREENSHOTS}/linked-cell.png` });

  // Each button drops its override only: the base's value is back, unmarked.
  const count = async () => changes(page).getByRole('listitem').count();
  let left = await count();
  await resets[0].click();
  await expect(short).toHaveValue(baseShort);
  await expect(short).not.toHaveAccessibleDescription(/Changed from base/);
  await expect(changes(page).getByRole('listitem')).toHaveCount(--left);
  await resets[1].click();
  await expect(how).toHaveValue(baseHow);
  await expect(changes(page).getByRole('listitem')).toHaveCount(--left);
  await resets[2].click();
  await expect(years).toHaveValue(baseYears);
  await expect(years).not.toHaveAccessibleDescription(/Changed from base/);
  await expect(changes(page).getByRole('listitem')).toHaveCount(--left);
  await resets[3].click();
  await expect(budget(page)).not.toHaveAccessibleDescription(/changed from base/);
  await expect(changes(page).getByRole('listitem')).toHaveCount(--left);
  // Undo brings the last one back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(budget(page)).toHaveValue('1,400,000.00');
  await expect(budget(page)).toHaveAccessibleDescription(/changed from base/);
  expect(problems).toEqual([]);
});

test('Make independent keeps the figures; Link to … makes the differences the overrides', async ({ page, problems }) => {
  await openApp(page);
  await choose(page, 'Option B: pro rata');
  const listed = await changes(page).getByRole('listitem').allInnerTexts();
  expect(listed.length).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Make independent' }).click();
  await expect(page.locator('#link-status')).toContainText('Independent');
  await expect(changes(page)).toHaveCount(0);
  await expect(rule(page)).toHaveValue('pro_rata');
  // Independent, B no longer follows a correction to the base.
  await choose(page, 'Option A: as agreed (base)');
  await enter(budget(page), '1,234,567');
  await choose(page, 'Option B: pro rata');
  await expect(budget(page)).not.toHaveValue('1,234,567.00');
  // Linked again: what differs from A becomes B's overrides, its budget among them.
  await page.getByLabel('Base this option on').selectOption({ label: 'Option A: as agreed' });
  await page.getByRole('button', { name: 'Link to this option' }).click();
  await expect(page.locator('#link-status')).toContainText('Based on ‘Option A: as agreed’');
  await expect(changes(page).getByRole('listitem')).toHaveCount(listed.length + 1);
  await expect(changes(page)).toContainText('Reablement budget 2025/26: £1,234,567.00 →');
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
});

/** In `other`, Option B is still linked: a correction to the base reaches it. */
async function stillLinked(other) {
  await choose(other, 'Option B: pro rata');
  await expect(other.locator('#link-status')).toContainText('Based on ‘Option A: as agreed’');
  await expect(budget(other)).toHaveValue('1,350,000.00');
  await choose(other, 'Option A: as agreed (base)');
  await enter(budget(other), '1,111,111');
  await choose(other, 'Option B: pro rata');
  await expect(budget(other)).toHaveValue('1,111,111.00');
}

test('a linked model survives a share link and a model file in a fresh browser', async ({ page, browser, problems }) => {
  await openApp(page);
  await enter(budget(page), '1,350,000');
  await page.getByRole('button', { name: 'Make a link to this model' }).click();
  const link = await page.getByLabel('Link to this model').inputValue();
  expect(link).toMatch(/#m3\.[A-Za-z0-9_-]+$/);

  const viaLink = await (await browser.newContext()).newPage();
  await viaLink.goto(link);
  await expect(viaLink.locator('#pb-loading')).toHaveCount(0);
  await expect(viaLink.getByRole('alert')).toContainText('Opened the shared model');
  await stillLinked(viaLink);
  await viaLink.context().close();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download model file (.json)' }).click(),
  ]);
  const bytes = (await import('node:fs')).readFileSync(await download.path());
  const saved = JSON.parse(bytes.toString('utf8'));
  expect(saved.scenarios[1].link.based_on).toBe(saved.scenarios[0].id);
  expect(saved.scenarios[1].lines ?? []).toEqual([]);
  const viaFile = await (await browser.newContext()).newPage();
  await openApp(viaFile);
  await viaFile.getByLabel('Open a model file (.json)').setInputFiles({
    name: download.suggestedFilename(), mimeType: 'application/json', buffer: bytes,
  });
  await expect(viaFile.getByRole('alert')).toContainText('from the file as a new model');
  await stillLinked(viaFile);
  await viaFile.context().close();
  expect(problems).toEqual([]);
});
