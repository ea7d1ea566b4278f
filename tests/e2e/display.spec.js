// What the screen shows for models it cannot fully follow: no results carried over from another
// model, selects that show the value the model holds (even a missing partner) with the error,
// year lists as wide as validation allows, names that cannot reverse the app's words or widen
// the page, and a link opened from the address bar with the spaces a mail client put in it.
import { readFileSync } from 'node:fs';
import { test, expect, expectNoAxeViolations, openApp, SCREENSHOTS } from './support.js';
import { schemeRowCell } from './steps.js';

const results = (page) => page.locator('section.pb-results');
const fileInput = (page) => page.getByLabel('Open a model file (.json)');
const card = (page, name) => page.getByRole('group', { name });

/** The small golden model, as a model file's JSON, for each test to change. */
function smallModel() {
  return JSON.parse(readFileSync('tests/golden/link-v1-small.json', 'utf8')).model;
}

/** Opens `model` from a file as a new model, past the list of things to put right if any. */
async function openFile(page, model, name = 'model.json') {
  await fileInput(page).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(model)) });
  const anyway = page.getByRole('button', { name: 'Open it as a new model' });
  await expect(async () => {
    if (await anyway.isVisible()) await anyway.click();
    await expect(page.getByLabel('Name of the open model')).toHaveValue(model.name, { timeout: 500 });
  }).toPass();
}

/** A model whose only pool is hosted by a partner it does not have: it cannot be computed. */
function uncomputable() {
  const model = smallModel();
  model.name = 'Broken host';
  model.scenarios[0].pools[0].host = 99;
  return model;
}

async function expectNoCarriedOverFigures(page) {
  await expect(results(page).getByRole('alert')).toContainText('This option cannot be computed:');
  await expect(results(page)).not.toContainText('from before your last change');
  await expect(results(page).getByRole('table')).toHaveCount(0);
  // No figure anywhere (the unit control's own labels aside).
  const text = await results(page).evaluate((el) => {
    const copy = el.cloneNode(true);
    copy.querySelector('.pb-money-display')?.remove();
    return copy.textContent;
  });
  expect(text).not.toContain('£');
}

test('results are cleared, not carried over, when a model that cannot be computed opens from a file', async ({ page, problems }) => {
  await openApp(page);
  await expect(results(page).getByRole('table').first()).toBeVisible();
  await openFile(page, uncomputable(), 'broken.json');
  await expectNoCarriedOverFigures(page);
  expect(problems).toEqual([]);
});

test('results are cleared when a model that cannot be computed opens from a link', async ({ page, browser, problems }) => {
  // Make the broken model's link in another browser.
  const maker = await (await browser.newContext()).newPage();
  await openApp(maker);
  await openFile(maker, uncomputable(), 'broken.json');
  await maker.getByRole('button', { name: 'Make a link to this model' }).click();
  const link = await maker.getByLabel('Link to this model').inputValue();
  await maker.context().close();

  await openApp(page);
  await expect(results(page).getByRole('table').first()).toBeVisible();
  // Pasted into the address bar of the open modeller: no reload, a hashchange.
  await page.evaluate((fragment) => { window.location.hash = fragment; }, link.split('#')[1]);
  await expect(page.getByLabel('Name of the open model')).toHaveValue('Broken host');
  await expectNoCarriedOverFigures(page);
  expect(problems).toEqual([]);
});

test('a contribution paid by a missing partner says so, with the error beside it', async ({ page, problems }) => {
  await openApp(page);
  const model = smallModel();
  model.scenarios[0].contributions[0].partner = 99;
  model.scenarios[0].lines[0].pool = 77;
  await openFile(page, model);
  const contribution = card(page, /^Contribution 1:/);
  const paidBy = contribution.getByLabel('Paid by');
  await expect(paidBy.locator('option:checked')).toHaveText('Missing partner (id 99)');
  await expect(paidBy).toHaveAttribute('aria-invalid', 'true');
  await expect(paidBy).toHaveAccessibleDescription("Error: The partner paying contribution 'NHS minimum contribution' is not one of the partners");
  await expect(contribution.locator('.pb-field__error').first()).toContainText('is not one of the partners');
  const pool = schemeRowCell(page, 1, 'Pool');
  await expect(pool.locator('option:checked')).toHaveText('Missing pool (id 77)');
  await expect(pool).toHaveAccessibleDescription(/is not one of the pools/);
  // The checklist links to the same field.
  await expect(page.locator(`a[href="#${await paidBy.getAttribute('id')}"]`)).toContainText('The partner paying contribution');
  await expectNoAxeViolations(page);
  await contribution.screenshot({ path: `${SCREENSHOTS}/display-missing-partner.png` });
  // Choosing a real partner puts it right.
  await paidBy.selectOption({ label: 'London Borough of Hackney' });
  await expect(paidBy).not.toHaveAttribute('aria-invalid', 'true');
  await expect(paidBy.locator('option', { hasText: 'Missing partner' })).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('a plan starting in 2045/46 shows 2045/46, and the list runs 2000/01 to 2090/91', async ({ page, problems }) => {
  await openApp(page);
  const model = smallModel();
  model.name = 'Far future';
  model.scenarios[0].horizon.start = '2045/46';
  await openFile(page, model);
  const first = page.getByLabel('First financial year');
  await expect(first.locator('option:checked')).toHaveText('2045/46');
  await expect(first.locator('option').first()).toHaveText('2000/01');
  await expect(first.locator('option').last()).toHaveText('2090/91');
  await expect(first).not.toHaveAttribute('aria-invalid', 'true');

  // Outside what validation allows: shown as it is, with the error.
  model.name = 'Too early';
  model.scenarios[0].horizon.start = '1999/00';
  await openFile(page, model);
  await expect(first.locator('option:checked')).toHaveText('1999/00');
  await expect(first).toHaveAccessibleDescription('Error: The first financial year must be between 2000/01 and 2090/91');
  expect(problems).toEqual([]);
});

test('a name starting with U+202E does not reverse the notice that quotes it', async ({ page, problems }) => {
  await openApp(page);
  const model = smallModel();
  model.name = '\u202EReversed model';
  model.scenarios[0].pools[0].name = '\u202EReversed pool';
  await openFile(page, model);
  const notice = page.getByRole('alert').filter({ hasText: 'from the file as a new model' });
  await expect(notice).toContainText('from the file as a new model. Your other models are unchanged.');
  const name = notice.locator('bdi');
  await expect(name).toHaveText('\u202EReversed model');
  expect(await name.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('isolate');
  // Laid out left to right after the name: "Your" is to the left of "unchanged".
  const [your, unchanged] = await notice.evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    while (node && !node.data.includes('Your other models')) node = walker.nextNode();
    const left = (word) => {
      const range = document.createRange();
      const at = node.data.indexOf(word);
      range.setStart(node, at);
      range.setEnd(node, at + word.length);
      return range.getBoundingClientRect().left;
    };
    return [left('Your'), left('unchanged')];
  });
  expect(your).toBeLessThan(unchanged);
  // The pool's caption: the name isolated, the app's words after it in order.
  const caption = results(page).locator('caption').filter({ hasText: 'income and spending by year' });
  expect(await caption.locator('bdi').evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('isolate');
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
});

test('a 4,000-character name is refused, and the longest name allowed does not make the page wider than the window', async ({ page, problems }) => {
  await openApp(page);
  const tooLong = smallModel();
  tooLong.name = 'Pooled'.repeat(667).slice(0, 4000);
  await page.getByLabel('Open a model file (.json)').setInputFiles({
    name: 'too-long.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tooLong)),
  });
  await expect(page.locator('#file-problems')).toContainText('4,000 characters; names may have at most 200');
  // The longest name allowed, with no space to break at, in every place a name is shown.
  const long = 'Pooled'.repeat(34).slice(0, 200);
  const model = smallModel();
  model.name = long;
  const scenario = model.scenarios[0];
  scenario.name = long;
  scenario.partners[0].name = long;
  scenario.pools[0].name = long;
  scenario.contributions[0].name = long;
  scenario.lines[0].name = long;
  await openFile(page, model, 'long.json');
  const widths = () => page.evaluate(() => [document.scrollingElement.scrollWidth, window.innerWidth]);
  const [wide, inner] = await widths();
  expect(wide).toBeLessThanOrEqual(inner);
  await page.screenshot({ path: `${SCREENSHOTS}/display-long-name.png` });
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 375, height: 800 });
  const [narrow, phone] = await widths();
  expect(narrow).toBeLessThanOrEqual(phone);
  await page.screenshot({ path: `${SCREENSHOTS}/display-long-name-375.png` });
  expect(problems).toEqual([]);
});

test('a link with spaces and soft hyphens in it opens from the address bar', async ({ page, problems }) => {
  const link = readFileSync('tests/golden/link-v1-small.txt', 'utf8').trim();
  const mangled = [...link].map((c, i) => (i > 3 && i % 40 === 0 ? ` ${c}` : i % 50 === 0 ? `\u00AD${c}` : c)).join('');
  expect(mangled).toContain(' ');
  expect(mangled).toContain('\u00AD');
  await page.goto(`./#${mangled}`);
  await expect(page.locator('#pb-loading')).toHaveCount(0);
  await expect(page.getByRole('alert')).toContainText('Opened the shared model ‘Small example’ as a new model.');
  await expect(page.locator('.pb-opened__name')).toHaveText('Open model: Small example');
  expect(problems).toEqual([]);
});
