// The first screen (docs/maintainers.md, "The first screen"): on a plain visit a small wasm draws
// the figures of the model the modeller is about to open, and the modeller, loaded after them,
// takes the page over with the same figures. Anything unusual is left to the modeller.
import { readFileSync } from 'node:fs';

import { test, expect, expectNoAxeViolations, openApp, SCREENSHOTS } from './support.js';

const MODELLER_WASM = '**/pooled-budgets_bg.wasm';
const NAME = 'City and Hackney pooled budgets 2025/26 to 2029/30';

/** A model as the modeller saves it (format 2), from a golden link's JSON. */
const SAVED = JSON.stringify(JSON.parse(readFileSync('tests/golden/link-v2-reference.json', 'utf8')).model);

/** Puts `index` and model 1 into the app's storage before the app has run. */
async function store(page, index) {
  // The help page: the app's origin, without opening (or saving) a model.
  await page.goto('./?page=help');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Help');
  await page.evaluate(([index, model]) => {
    localStorage.setItem('pooled-budgets.index', index);
    localStorage.setItem('pooled-budgets.model.1', model);
  }, [index, SAVED]);
}

const INDEX = JSON.stringify({ format: 1, open: 1, models: [{ id: 1, name: NAME, revision: 1 }], next_id: 2 });

/** Holds the modeller's wasm until `release()`; `seen()` says whether it was asked for. */
async function holdModeller(page) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  let requested = false;
  let figuresFirst = null;
  await page.route(MODELLER_WASM, async (route) => {
    requested = true;
    figuresFirst = await page.locator('.pb-results table').count() > 0;
    await held;
    await route.continue();
  });
  return { release, seen: () => requested, figuresFirst: () => figuresFirst };
}

test('a saved model\'s figures are on screen before the modeller loads, and the modeller takes over with the same figures', async ({ page, problems }) => {
  await store(page, INDEX);
  const modeller = await holdModeller(page);
  await page.goto('./');
  const partners = page.locator('.pb-results table').first();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pooled budget modeller');
  await expect(page.locator('.pb-opened__name')).toContainText(NAME);
  await expect(partners).toContainText('What each partner pays, 2025/26 to 2029/30');
  await expect(page.getByRole('status').filter({ hasText: 'Loading the editor…' })).toBeVisible();
  await expect(page.locator('main')).toHaveAttribute('aria-busy', 'true');
  // Nothing to use yet but links: undo and redo are there, disabled.
  await expect(page.locator('main').locator('input, select, textarea')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await expect(page.locator('main').locator('button:not([disabled])')).toHaveCount(0);
  const tableAt = await partners.boundingBox();
  const figures = await partners.innerText();
  expect(modeller.seen(), 'the modeller was asked for').toBe(true);
  expect(modeller.figuresFirst(), 'the figures were drawn before the modeller was asked for').toBe(true);
  await page.screenshot({ path: `${SCREENSHOTS}/first-screen.png`, fullPage: true });
  await expectNoAxeViolations(page);

  modeller.release();
  await expect(page.locator('#pb-loading')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Partners', level: 2 })).toBeVisible();
  await expect(page.locator('main h1')).toHaveCount(1);
  await expect(page.locator('main')).not.toHaveAttribute('aria-busy', 'true');
  expect(await partners.innerText()).toBe(figures);
  // Where it was: the first screen kept the room of the modeller's controls above it.
  expect(Math.abs((await partners.boundingBox()).y - tableAt.y), 'the figures moved').toBeLessThan(8);
  // The modeller opened the same saved model, and it is still saved as it was.
  await expect(page.locator('.pb-opened__name')).toContainText(NAME);
  expect(await page.evaluate(() => localStorage.getItem('pooled-budgets.model.1'))).toBe(SAVED);
  expect(problems).toEqual([]);
});

test('a damaged list of models gets no first screen: the modeller rebuilds it and says so', async ({ page, problems }) => {
  await store(page, '{ not json');
  const modeller = await holdModeller(page);
  await page.goto('./');
  await expect.poll(modeller.seen).toBe(true);
  await expect(page.locator('#pb-loading')).toHaveText('Loading the pooled budget modeller…');
  await expect(page.locator('.pb-results')).toHaveCount(0);
  modeller.release();
  await expect(page.getByRole('alert')).toContainText('The list of your saved models could not be read, so it has been rebuilt');
  await expect(page.locator('.pb-opened__name')).toContainText(NAME);
  expect(problems).toEqual([]);
});

test('if the modeller cannot load, the first screen says so and keeps the figures', async ({ page }) => {
  await store(page, INDEX);
  await page.route(MODELLER_WASM, (route) => route.abort());
  await page.goto('./');
  const status = page.locator('#pb-loading');
  await expect(status).toContainText('The modeller could not start in this browser');
  await expect(status).toHaveAttribute('role', 'alert');
  await expect(page.locator('.pb-results table').first()).toContainText('What each partner pays');
});

test('if the first screen cannot load, the modeller starts as before', async ({ page }) => {
  await page.route('**/pooled-budgets-first_bg.wasm', (route) => route.abort());
  await openApp(page, './', { models: false });
  await expect(page.locator('.pb-opened__name')).toContainText('Better Care Fund');
  await expect(page.locator('.pb-results table').first()).toContainText('What each partner pays');
  await expect(page.locator('#pb-crash')).toHaveCount(0);
});
