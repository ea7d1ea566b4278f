// Nothing lost, nothing bricked: two tabs of one browser editing the same models, a damaged or
// newer list of models, storage that is full, and a crash — each must leave every saved model
// intact and the person told what happened. Two tabs are two pages of one browser context.
import { test, expect, expectNoAxeViolations, openApp, SCREENSHOTS } from './support.js';
import { enter, startFrom, schemeRowCell } from './steps.js';

const INDEX = 'pooled-budgets.index';
const budget = (page, line) => schemeRowCell(page, line, 'Budget 2025/26');
const modelName = (page) => page.getByLabel('Name of the open model');
const saved = (page) => expect(page.getByText('All changes saved in this browser')).toBeVisible();
const listed = (page) => page.locator('.pb-models__name');

async function secondTab(page) {
  const tab = await page.context().newPage();
  await openApp(tab);
  return tab;
}

async function storedModels(page) {
  return page.evaluate(() => Object.keys(localStorage)
    .filter((k) => /^pooled-budgets\.model\.\d+$/.test(k))
    .map((k) => ({ key: k, model: JSON.parse(localStorage.getItem(k)) })));
}

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test('a first visit writes its template once the figures are on screen, as one model that a reload opens again', async ({ page, problems }) => {
  // beforeEach made a first visit. The template is written after its figures are painted
  // (not before, so they come sooner), then listed like any saved model.
  await expect.poll(async () => (await storedModels(page)).map((m) => m.model.name)).toEqual(['Better Care Fund']);
  await expect(listed(page)).toHaveText(['Better Care Fund (open)']);
  const index = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), INDEX);
  expect(index.models.map((m) => m.name)).toEqual(['Better Care Fund']);
  await page.reload();
  await expect(page.locator('#pb-loading')).toHaveCount(0);
  await expect(page.locator('.pb-results table').first()).toBeVisible();
  // Give a second write every chance to happen: there must not be one.
  await page.waitForTimeout(700);
  expect((await storedModels(page)).map((m) => m.key)).toEqual([(await storedModels(page))[0].key]);
  expect(problems).toEqual([]);
});

test('two tabs editing one model keep both tabs’ edits', async ({ page, problems }) => {
  const tab2 = await secondTab(page);
  await enter(budget(page, 1), '1,111,111');
  await saved(page);
  // Tab 2 follows tab 1's save before its own edit.
  await expect(budget(tab2, 1)).toHaveValue('1,111,111.00');
  await enter(budget(tab2, 2), '2,222,222');
  await saved(tab2);
  await expect(budget(page, 2)).toHaveValue('2,222,222.00');
  await enter(modelName(page), 'Renamed in tab 1');
  await saved(page);

  await tab2.reload();
  await expect(tab2.locator('#pb-loading')).toHaveCount(0);
  await expect(budget(tab2, 1)).toHaveValue('1,111,111.00');
  await expect(budget(tab2, 2)).toHaveValue('2,222,222.00');
  await expect(modelName(tab2)).toHaveValue('Renamed in tab 1');
  expect(problems).toEqual([]);
});

test('an edit is written once the edits pause, saying so meanwhile, and one made just before a reload is kept', async ({ page, problems }) => {
  // What the status line said, in order (recorded in the page, so no state is missed).
  await page.evaluate(() => {
    const status = document.querySelector('.pb-toolbar__status');
    window.statusSaid = [];
    new MutationObserver(() => window.statusSaid.push(status.textContent))
      .observe(status, { childList: true, subtree: true, characterData: true });
  });
  await enter(budget(page, 1), '1,111,111');
  await saved(page);
  expect(await page.evaluate(() => window.statusSaid)).toEqual(['Saving…', 'All changes saved in this browser']);
  const stored = (await storedModels(page))[0].model;
  expect(JSON.stringify(stored)).toContain('1111111');

  // Reloading straight after an edit, before the pause: the edit is written as the page goes.
  await enter(budget(page, 2), '2,222,222');
  await page.reload();
  await expect(page.locator('#pb-loading')).toHaveCount(0);
  await expect(budget(page, 2)).toHaveValue('2,222,222.00');
  // Opening another model straight after an edit writes it first too.
  await enter(budget(page, 3), '3,333,333');
  await startFrom(page, 'A blank model');
  await page.getByRole('button', { name: /^Open Better Care Fund/ }).click();
  await expect(budget(page, 3)).toHaveValue('3,333,333.00');
  expect(problems).toEqual([]);
});

test('a model created in one tab stays listed when the other tab edits, and its id is never reused', async ({ page }) => {
  const tab2 = await secondTab(page);
  await startFrom(tab2, 'A blank model');
  await enter(modelName(tab2), 'Made in tab 2');
  await saved(tab2);
  // Tab 1 hears of it, edits its own model, then creates one of its own.
  await expect(listed(page).filter({ hasText: 'Made in tab 2' })).toHaveCount(1);
  await enter(budget(page, 1), '1,500,000');
  await saved(page);
  await startFrom(page, 'A blank model');
  await enter(modelName(page), 'Made in tab 1');
  await saved(page);

  await page.reload();
  await expect(page.locator('#pb-loading')).toHaveCount(0);
  await expect(listed(page)).toHaveCount(3);
  const names = (await storedModels(page)).map((m) => m.model.name).sort();
  expect(names).toEqual(['Better Care Fund', 'Made in tab 1', 'Made in tab 2'].sort());
});

test('a model deleted in one tab is gone from the other and does not come back', async ({ page }) => {
  await startFrom(page, 'A blank model');
  await enter(modelName(page), 'To be deleted');
  await saved(page);
  const tab2 = await secondTab(page);
  await expect(modelName(tab2)).toHaveValue('To be deleted');
  // Tab 1 goes back to the template and deletes the blank model.
  await page.getByRole('button', { name: /^Open Better Care Fund/ }).click();
  await page.getByRole('button', { name: 'Delete To be deleted' }).click();
  await page.getByRole('button', { name: 'Delete ‘To be deleted’' }).click();
  await expect(listed(page)).toHaveCount(1);

  // Tab 2 had it open: it is told, and nothing it does brings it back unless asked.
  await expect(tab2.getByRole('alertdialog', { name: 'This model was deleted in another tab' })).toBeVisible();
  await expect(listed(tab2)).toHaveCount(1);
  await enter(modelName(tab2), 'Still editing');
  await expect(tab2.getByText(/Not saved: this model was deleted in another tab/)).toBeVisible();
  await page.reload();
  await expect(page.locator('#pb-loading')).toHaveCount(0);
  await expect(listed(page)).toHaveCount(1);
  expect((await storedModels(page)).length).toBe(1);
  await expectNoAxeViolations(tab2);
  // Keeping it makes it a new model again, with a new id.
  await tab2.getByRole('button', { name: 'Keep it as a new model' }).click();
  await saved(tab2);
  await expect(listed(page)).toHaveCount(2);
});

test('a save that would overwrite a newer save from another tab asks which to keep', async ({ page, problems }) => {
  // Another tab's save that this tab did not hear of (written from this tab's own script,
  // which raises no storage event here): the revision moves on and the name changes.
  await page.evaluate((key) => {
    const index = JSON.parse(localStorage.getItem(key));
    const entry = index.models[0];
    entry.revision += 1;
    const modelKey = `pooled-budgets.model.${entry.id}`;
    const model = JSON.parse(localStorage.getItem(modelKey));
    model.name = 'Saved in the other tab';
    localStorage.setItem(modelKey, JSON.stringify(model));
    localStorage.setItem(key, JSON.stringify(index));
  }, INDEX);
  await enter(budget(page, 1), '1,234,567');
  const dialog = page.getByRole('alertdialog', { name: 'This model was changed in another tab' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toBeFocused();
  await page.screenshot({ path: `${SCREENSHOTS}/storage-conflict.png` });
  await expectNoAxeViolations(page);
  let models = await storedModels(page);
  expect(models.map((m) => m.model.name)).toEqual(['Saved in the other tab']);

  // With the keyboard alone: the dialog has focus, and its first choice is one Tab away.
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Keep this tab’s version as a copy' })).toBeFocused();
  await page.keyboard.press('Enter');
  await saved(page);
  models = await storedModels(page);
  expect(models.map((m) => m.model.name).sort()).toEqual(
    ['Better Care Fund (this tab’s copy)', 'Saved in the other tab']);
  await expect(budget(page, 1)).toHaveValue('1,234,567.00');
  expect(problems).toEqual([]);
});

for (const [what, bad] of [
  ['an unreadable list of models', '{"format":1,"models":[{"id":1,'],
  ['an empty value for the list of models', ''],
  ['a list of models that lists none', '{"format":1,"open":1,"models":[]}'],
]) {
  test(`${what} is kept aside and rebuilt with every model`, async ({ page }) => {
    await startFrom(page, 'A blank model');
    await enter(modelName(page), 'Second model');
    await saved(page);
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [INDEX, bad]);
    await page.reload();
    await expect(page.locator('#pb-loading')).toHaveCount(0);
    await expect(page.getByRole('alert')).toContainText('has been rebuilt from the models saved in this browser');
    await expect(listed(page)).toHaveCount(2);
    await expect(listed(page).filter({ hasText: 'Second model' })).toHaveCount(1);
    await expect(listed(page).filter({ hasText: 'Better Care Fund' })).toHaveCount(1);
    expect(await page.evaluate(() => localStorage.getItem('pooled-budgets.unreadable.1'))).toBe(bad);
    expect((await storedModels(page)).length).toBe(2);
  });
}

test('a list of models from a newer version opens read-only and is never written over', async ({ page }) => {
  await startFrom(page, 'A blank model');
  await enter(modelName(page), 'Second model');
  await saved(page);
  await page.evaluate((key) => {
    const index = JSON.parse(localStorage.getItem(key));
    index.format = 2;
    localStorage.setItem(key, JSON.stringify(index));
  }, INDEX);
  const before = await page.evaluate(() => JSON.stringify(localStorage));
  await page.reload();
  await expect(page.locator('#pb-loading')).toHaveCount(0);
  await expect(page.getByRole('alert')).toContainText('newer version of the modeller');
  await expect(listed(page)).toHaveCount(2);
  await expect(modelName(page)).toHaveValue('Second model');
  await enter(modelName(page), 'Changed in the older version');
  await expect(page.locator('.pb-toolbar__status')).toContainText('read-only');
  const after = await page.evaluate(() => {
    const copy = { ...localStorage };
    delete copy['pooled-budgets.opening'];
    return JSON.stringify(copy);
  });
  expect(JSON.parse(after)).toEqual(JSON.parse(before));
});

test('while storage is full, leaving the model asks first and offers the file', async ({ page }) => {
  await startFrom(page, 'A blank model');
  await saved(page);
  // Fill this origin's storage to the last character.
  await page.evaluate(() => {
    let size = 1 << 20;
    let n = 0;
    while (size >= 1) {
      try {
        localStorage.setItem(`filler-${n}`, 'x'.repeat(size));
        n += 1;
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
  await enter(modelName(page), 'A name long enough that it cannot fit in the storage that is left now');
  await expect(page.locator('.pb-toolbar__status')).toContainText('not being saved');

  await page.getByRole('button', { name: /^Open Better Care Fund/ }).click();
  const question = page.getByRole('alertdialog', { name: 'Your latest changes are not saved' });
  await expect(question).toBeVisible();
  await expect(question).toBeFocused();
  await page.screenshot({ path: `${SCREENSHOTS}/storage-full-question.png` });
  await expectNoAxeViolations(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    question.getByRole('button', { name: 'Download the model file (.json)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^A name long enough.*\.json$/);
  await question.getByRole('button', { name: 'Stay on this model' }).focus();
  await page.keyboard.press('Enter');
  await expect(question).toHaveCount(0);
  await expect(modelName(page)).toHaveValue(/^A name long enough/);

  // Closing the tab asks too.
  let asked = false;
  page.on('dialog', async (dialog) => { asked = dialog.type() === 'beforeunload'; await dialog.dismiss(); });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toBe(true);
});

// The release build's panics abort at once (a wasm trap, `unreachable`): no panic hook runs, and
// the loader (assets/loader.js) shows the message. The test switch makes the modeller panic
// while drawing, which that build turns into exactly such a trap.
const crashMessage = (page) => page.getByRole('alert').filter({ hasText: 'Something went wrong — your work is saved' });
const traps = (page) => {
  const seen = [];
  page.on('console', (msg) => { if (msg.type() === 'error' && /RuntimeError/.test(msg.text())) seen.push(msg.text()); });
  return seen;
};

test('a crash shows its message, and the next load opens the recovery page', async ({ page }) => {
  await startFrom(page, 'A blank model');
  await enter(modelName(page), 'The model that crashed');
  await saved(page);
  const trapped = traps(page);
  await page.evaluate(() => localStorage.setItem('pooled-budgets.test-panic', 'render'));
  await page.reload();
  const crash = crashMessage(page);
  await expect(crash).toBeVisible();
  await expect(crash).toHaveCount(1);
  // The wasm trapped at start-up (init's promise), and the loader caught it.
  await expect.poll(() => trapped.length).toBeGreaterThan(0);
  await expect(page.locator('#pb-loading')).toHaveCount(0);
  const reload = crash.getByRole('button', { name: 'Reload the page' });
  await expect(reload).toBeFocused();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SCREENSHOTS}/crash-message.png` });
  await page.evaluate(() => localStorage.removeItem('pooled-budgets.test-panic'));

  await reload.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'The modeller stopped last time' })).toBeVisible();
  await expect(listed(page)).toHaveCount(2);
  await page.screenshot({ path: `${SCREENSHOTS}/recovery-page.png`, fullPage: true });
  await expectNoAxeViolations(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download The model that crashed' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('The model that crashed.json');

  await page.getByRole('button', { name: 'Open read-only The model that crashed' }).click();
  await expect(modelName(page)).toHaveValue('The model that crashed');
  await expect(page.locator('.pb-toolbar__status')).toContainText('read-only');
  await enter(modelName(page), 'Not saved');
  await page.reload();
  await expect(page.locator('#pb-loading')).toHaveCount(0);
  // The read-only open finished, so the modeller starts as usual, with nothing written.
  await expect(page.getByRole('heading', { level: 1, name: 'Pooled budget modeller' })).toBeVisible();
  await expect(listed(page).filter({ hasText: 'The model that crashed' })).toHaveCount(1);
  await expect(listed(page).filter({ hasText: 'Not saved' })).toHaveCount(0);
});

test('a trap while the modeller runs (not at start-up) shows the same message', async ({ page }) => {
  // The recovery page does not draw the modeller; its button does, inside a click handler.
  await page.evaluate(() => {
    localStorage.setItem('pooled-budgets.crashed', '1');
    localStorage.setItem('pooled-budgets.test-panic', 'render');
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'The modeller stopped last time' })).toBeVisible();
  const trapped = traps(page);
  await page.getByRole('button', { name: 'Open the modeller as usual' }).click();
  const crash = crashMessage(page);
  await expect(crash).toBeVisible();
  await expect.poll(() => trapped.length).toBeGreaterThan(0);
  await expect(crash.getByRole('button', { name: 'Reload the page' })).toBeFocused();
  expect(await page.evaluate(() => localStorage.getItem('pooled-budgets.crashed'))).toBe('1');

  await page.evaluate(() => localStorage.removeItem('pooled-budgets.test-panic'));
  await crash.getByRole('button', { name: 'Reload the page' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'The modeller stopped last time' })).toBeVisible();
});

test('a start that never finished opens the recovery page, where a model can be deleted', async ({ page }) => {
  await startFrom(page, 'A blank model');
  await enter(modelName(page), 'Too big to open');
  await saved(page);
  await page.evaluate(() => localStorage.setItem('pooled-budgets.opening', '1'));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'The modeller stopped last time' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete Too big to open' }).click();
  await page.getByRole('button', { name: 'Delete it' }).click();
  await expect(page.getByRole('status')).toContainText('Deleted ‘Too big to open’');
  await expect(listed(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Open the modeller as usual' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pooled budget modeller' })).toBeVisible();
  await expect(modelName(page)).toHaveValue(/Better Care Fund/);
});
