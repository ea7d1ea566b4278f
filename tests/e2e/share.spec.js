// Share links: a model travels in the address's fragment and opens exactly as it was, as a new
// model; a bad link says what is wrong and leaves saved work alone.
import { test, expect, expectNoAxeViolations, openApp, SCREENSHOTS } from './support.js';
import { schemeCell } from './steps.js';

const partnerTable = (page) => page.getByRole('table', { name: /What each partner pays/ });
const models = (page) => page.locator('section.pb-models').getByRole('listitem');

test('a copied link opens in a fresh browser with the same option and the same figures', async ({ page, browser, problems }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  // Make the model our own: £7,000,000 forecast spend on the first line, in option B.
  await page.getByLabel('Option being edited').selectOption({ label: 'Option B: pro rata' });
  const forecast = schemeCell(page, 'Forecast spend 2025/26', 'Reablement');
  await forecast.fill('7,000,000');
  await forecast.press('Tab');
  const figures = await partnerTable(page).innerText();

  await page.getByRole('button', { name: 'Make a link to this model' }).click();
  const field = page.getByLabel('Link to this model');
  const link = await field.inputValue();
  expect(link).toMatch(/#m3\.[A-Za-z0-9_-]+$/);
  const length = link.split('#')[1].length;
  expect(length).toBeLessThanOrEqual(1000);
  await expect(page.getByText(`${link.length} characters.`)).toBeVisible();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expectNoAxeViolations(page);

  const other = await (await browser.newContext()).newPage();
  await other.goto(link);
  await expect(other.locator('#pb-loading')).toHaveCount(0);
  await expect(other.getByRole('alert')).toContainText('Opened the shared model');
  await expect(other.getByLabel('Option being edited').locator('option:checked')).toHaveText('Option B: pro rata');
  expect(await partnerTable(other).innerText()).toBe(figures);
  await expect(schemeCell(other, 'Forecast spend 2025/26', 'Reablement')).toHaveValue('7,000,000.00');
  // The fragment is cleared so a reload does not open it twice.
  expect(new URL(other.url()).hash).toBe('');
  await other.screenshot({ path: `${SCREENSHOTS}/share-opened.png` });
  await other.context().close();
  expect(problems).toEqual([]);
});

for (const [what, fragment, says] of [
  ['cut off', 'm1.AAAAAAAA', /incomplete|damaged/i],
  ['from a newer version', 'm9.AAAAAAAAAAAAAAAA', /newer version/i],
  ['not a link at all', 'hello-world', /not a pooled budget link/i],
]) {
  test(`a link that is ${what} is explained, and saved work is untouched`, async ({ page, problems }) => {
    await openApp(page);
    await page.getByLabel('Name of the open model').fill('My saved work');
    await page.getByLabel('Name of the open model').press('Tab');
    await expect(models(page)).toHaveCount(1);
    await page.goto(`./#${fragment}`);
    await expect(page.locator('#pb-loading')).toHaveCount(0);
    await expect(page.getByRole('alert')).toContainText(says);
    await expect(page.getByRole('alert')).toContainText('Your saved models are unchanged.');
    await expect(models(page)).toHaveCount(1);
    await expect(models(page).first()).toContainText('My saved work (open)');
    expect(problems).toEqual([]);
  });
}
