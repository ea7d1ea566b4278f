// Help, the accessibility statement, narrow screens, print, and a browser that refuses storage.
import { test, expect, expectNoAxeViolations, openApp, SCREENSHOTS } from './support.js';
import { schemeCell } from './steps.js';

test('help is linked from the header and explains every rule in plain words', async ({ page, problems }) => {
  await openApp(page);
  await page.getByRole('banner').getByRole('link', { name: 'Help' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Help');
  await expect(page.getByText('Fixed percentages, such as 50:50')).toBeVisible();
  await expect(page.getByText(/a £600,000 overspend costs each £300,000/)).toBeVisible();
  await expect(page.getByText('Carried forward into next year\'s pool')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Back to the modeller' }).click();
  await expect(page.getByRole('heading', { name: 'Results' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('the accessibility statement is linked from the footer', async ({ page }) => {
  await openApp(page);
  await page.getByRole('contentinfo').getByRole('link', { name: 'Accessibility statement' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accessibility statement');
  await expect(page.getByText(/WCAG\) version 2.2 AA/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Reporting accessibility problems' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('at 320 px wide nothing is cut off: the page does not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await openApp(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SCREENSHOTS}/editor-320px.png`, fullPage: false });
  await expectNoAxeViolations(page);
});

test('the print view drops the controls and keeps the results', async ({ page }) => {
  await openApp(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Undo' })).toBeHidden();
  await expect(page.getByRole('table', { name: /What each partner pays/ })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/editor-print.png`, fullPage: true });
});

test('when the browser refuses storage, the modeller still works and says work is not saved', async ({ page, problems }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
  });
  await openApp(page);
  await expect(page.getByText(/Your work is not being saved/)).toBeVisible();
  const forecast = schemeCell(page, 'Forecast spend 2025/26', 'Reablement');
  await forecast.fill('7,000,000');
  await forecast.press('Tab');
  await expect(forecast).toHaveValue('7,000,000.00');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
  expect(problems).toEqual([]);
});
