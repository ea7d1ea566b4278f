// Figures a board can read (issue #14, items 4–7): the first screen, names the modeller makes
// up, the comparison's chart of differences, tables that fit 1280×800 with six options, and the
// board paper (print media) with its title block on at most three A4 landscape pages.
import { writeFileSync } from 'node:fs';
import {
  test, expect, expectNoAxeViolations, openApp, showModelsAndFiles, SCREENSHOTS,
} from './support.js';
import { enter, group } from './steps.js';

const MINUS = '\u2212';

/** "−£1,234.50", "+£1,234.50" or "£0.00" (words after a line break ignored) → pence. */
function pence(text) {
  const cleaned = text.split('\n')[0].trim().replace(MINUS, '-').replace(/[£,+]/g, '');
  const [pounds, fraction = '00'] = cleaned.split('.');
  const value = BigInt(pounds.replace('-', '')) * 100n + BigInt(fraction.padEnd(2, '0'));
  return pounds.startsWith('-') ? -value : value;
}

async function openComparison(page) {
  await page.getByRole('button', { name: 'Compare options side by side' }).click();
  await expect(page.getByRole('heading', { name: /^Compare options/ })).toBeFocused();
}

/** Cells whose content is wider than the cell shows, and the page's own width. */
async function fitting(page) {
  return page.evaluate(() => ({
    pageWidth: document.documentElement.scrollWidth,
    clipped: [...document.querySelectorAll('main td, main th')]
      .filter((cell) => cell.offsetParent !== null && cell.scrollWidth > cell.clientWidth)
      .map((cell) => `${cell.textContent.trim().slice(0, 40)}: ${cell.scrollWidth} > ${cell.clientWidth}`),
  }));
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('the first screen shows the open model, an index of the page and the results; models and files sit behind one control', async ({ page, problems }) => {
  test.setTimeout(90_000); // axe-core over the whole modeller, twice
  await openApp(page, './', { models: false });
  const inView = async (locator) => {
    const box = await locator.boundingBox();
    expect(box, 'on the page').not.toBeNull();
    expect(box.y + box.height, 'within the first 800 px').toBeLessThanOrEqual(800);
  };
  // The open model's name, and the template's status: its figures are illustrative.
  const opened = page.locator('.pb-opened__name');
  await expect(opened).toHaveText(/^Open model: Better Care Fund/);
  await expect(opened).toContainText('Illustrative figures: not for decision');
  await inView(opened);
  // A short index of the page: every jump link leads to a heading that is there.
  const index = page.getByRole('navigation', { name: 'On this page' });
  await inView(index);
  const links = index.getByRole('link');
  await expect(links.first()).toHaveText('Results');
  await expect(page.locator('#lines-heading')).toHaveCount(1);
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
    await expect(page.locator(href), href).toHaveCount(1);
  }
  // The results summary is on the first screen.
  await inView(page.locator('#results-heading'));
  // Models, sharing and files: one closed control, not the first thing on the page.
  const toggle = page.getByRole('button', { name: 'Models and files' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('heading', { name: 'Your models' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
  const undoBox = await page.getByRole('button', { name: 'Undo' }).boundingBox();
  const indexBox = await index.boundingBox();
  expect(undoBox.y, 'Undo comes after the index, not first').toBeGreaterThan(indexBox.y);
  await page.screenshot({ path: `${SCREENSHOTS}/first-screen-1280x800.png` });
  await expectNoAxeViolations(page);

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('heading', { name: 'Your models' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Share', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Files', exact: true })).toBeVisible();
  // Templates say "illustrative figures" where they are chosen.
  const titles = await page.getByLabel('Start a new model from').locator('option').allTextContents();
  for (const title of titles.filter((t) => t !== 'A blank model')) expect(title).toContain('(illustrative figures)');
  await expectNoAxeViolations(page);
  // Kept for the tab: a reload shows them again.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your models' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('copies are numbered, a link to a model whose name is taken opens "(from link)", and a new partner gets its initials', async ({ page, browser, problems }) => {
  await openApp(page);
  // A link to "Better Care Fund", opened in a fresh browser: it keeps just the shared model
  // (no template of its own first), under the model's own name.
  await page.getByRole('button', { name: 'Make a link to this model' }).click();
  const link = await page.getByLabel('Link to this model').inputValue();
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(link);
  await expect(fresh.getByRole('alert')).toContainText('Opened the shared model ‘Better Care Fund’ as a new model');
  await expect(fresh.locator('.pb-opened__name')).toContainText('Open model: Better Care Fund');
  // The same link again: that name is taken now, then that one too.
  const reopen = () => fresh.evaluate((l) => { window.location.hash = l.split('#')[1]; }, link);
  await reopen();
  await expect(fresh.locator('.pb-opened__name')).toContainText('Open model: Better Care Fund (from link)');
  await reopen();
  await expect(fresh.locator('.pb-opened__name')).toContainText('Better Care Fund (from link) (2)');
  await showModelsAndFiles(fresh);
  await expect(fresh.locator('.pb-models__name')).toHaveText([
    /^Better Care Fund$/, /^Better Care Fund \(from link\)$/, /^Better Care Fund \(from link\) \(2\)/,
  ]);
  await fresh.context().close();

  await page.getByRole('button', { name: 'Copy this option' }).click();
  await page.getByLabel('Option being edited').selectOption({ index: 0 });
  await page.getByRole('button', { name: 'Copy this option' }).click();
  const options = await page.getByLabel('Option being edited').locator('option').allTextContents();
  expect(options).toEqual(expect.arrayContaining(['Option A: as agreed (2)', 'Option A: as agreed (3)']));
  expect(options.join()).not.toContain('Copy of');
  await page.getByRole('button', { name: 'Duplicate Better Care Fund' }).click();
  await expect(page.getByLabel('Name of the open model')).toHaveValue('Better Care Fund (2)');

  // A new partner's short name follows the name typed until one is typed.
  await page.getByRole('button', { name: 'Add a partner' }).click();
  const partner = page.getByRole('group', { name: /^Partner (\d+): Partner \1$/ });
  await enter(partner.getByLabel('Name', { exact: true }), 'Tower Hamlets Carers Centre');
  await expect(group(page, /Tower Hamlets Carers Centre$/).getByLabel('Short name')).toHaveValue('THCC');
  expect(problems).toEqual([]);
});

test('the comparison chart plots each option\'s difference from the base and follows the figure and years', async ({ page, problems }) => {
  await openApp(page);
  await openComparison(page);
  const chart = page.locator('#pb-chart-differences');
  await chart.getByRole('button', { name: 'Show as a table' }).click();

  /** The chart's table equals the comparison table's "Difference from base" columns. */
  const check = async (figure, span) => {
    // The caption ends with the unit and how negatives are shown.
    const table = page.getByRole('table', { name: new RegExp(`^${figure} by partner, ${span}`) });
    await expect(chart.getByRole('img')).toHaveAccessibleName(
      new RegExp(`^Difference from the base \\(Option A: as agreed\\) in ${figure.toLowerCase()} by partner, ${span.replace('/', '\\/')}`),
    );
    const rows = table.locator('tbody tr');
    const count = await rows.count();
    let plottedRows = 0;
    for (let i = 0; i < count; i += 1) {
      const label = (await rows.nth(i).locator('th').innerText()).trim();
      if (label === 'All partners') continue;
      const cells = await rows.nth(i).locator('td').allInnerTexts();
      const differences = [cells[2], cells[4]].map(pence);
      const plotted = await chart.getByRole('table').getByRole('row', { name: new RegExp(`^${label}`) })
        .first().locator('td').allInnerTexts();
      expect(plotted.slice(0, 2).map(pence), label).toEqual(differences);
      plottedRows += 1;
    }
    expect(plottedRows).toBeGreaterThan(1);
    // Bars go both ways from the zero line where differences do.
    const bars = await chart.locator('.pb-chart__bar').evaluateAll((rects) => rects.map((r) => ({
      top: Number(r.getAttribute('y')), bottom: Number(r.getAttribute('y')) + Number(r.getAttribute('height')),
    })));
    const zero = Number(await chart.locator('.pb-chart__zero').getAttribute('y1'));
    return { bars, zero };
  };

  const netCost = await check('Net cost', '2025/26 to 2029/30');
  expect(netCost.bars.some((b) => Math.abs(b.bottom - netCost.zero) < 0.5), 'a bar above zero').toBe(true);
  expect(netCost.bars.some((b) => Math.abs(b.top - netCost.zero) < 0.5), 'a bar below zero').toBe(true);
  await expect(chart.locator('.pb-chart__description')).toContainText('Under Option B: pro rata the largest change is');

  await page.getByLabel('Partner figure').selectOption({ label: 'Contributions' });
  await check('Contributions', '2025/26 to 2029/30');
  await page.getByLabel('Partner figure').selectOption({ label: 'Share of variance' });
  await page.getByLabel('Years').selectOption('2026/27');
  await check('Share of variance', '2026/27');
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
});

test('at 1280×800 six options and the results fit: no sideways page scroll, no clipped cell, the partner column in view', async ({ page, problems }) => {
  await openApp(page);
  // The results tables beside the editor.
  let fit = await fitting(page);
  expect(fit.clipped).toEqual([]);
  expect(fit.pageWidth).toBeLessThanOrEqual(1280);

  for (let i = 0; i < 3; i += 1) {
    await page.getByLabel('Option being edited').selectOption({ index: 0 });
    await page.getByRole('button', { name: 'Copy this option' }).click();
  }
  await openComparison(page);
  await expect(page.locator('.pb-compare__choices input:checked')).toHaveCount(6);
  fit = await fitting(page);
  expect(fit.clipped).toEqual([]);
  expect(fit.pageWidth).toBeLessThanOrEqual(1280);
  // A table wider than the screen scrolls inside its own region, which takes focus, and its
  // first column stays where it was.
  const region = page.getByRole('region', { name: /^Net cost by partner/ });
  await expect(region).toHaveAttribute('tabindex', '0');
  const widths = await region.evaluate((r) => ({ scroll: r.scrollWidth, client: r.clientWidth }));
  expect(widths.scroll).toBeGreaterThan(widths.client);
  await region.scrollIntoViewIfNeeded();
  await region.focus();
  await region.evaluate((r) => { r.scrollLeft = r.scrollWidth; });
  const partner = region.locator('tbody th').first();
  const regionBox = await region.boundingBox();
  const partnerBox = await partner.boundingBox();
  expect(Math.abs(partnerBox.x - regionBox.x)).toBeLessThan(2);
  await expect(region.locator('thead th').last()).toBeInViewport();
  await region.evaluate((r) => { r.scrollLeft = 0; });
  await page.screenshot({ path: `${SCREENSHOTS}/compare-6-options-1280x800.png` });
  await expectNoAxeViolations(page);
  // On paper (A4 landscape, 1032 CSS px inside the margins) nothing runs off the page either.
  await page.setViewportSize({ width: 1032, height: 730 });
  await page.emulateMedia({ media: 'print' });
  fit = await fitting(page);
  expect(fit.clipped).toEqual([]);
  expect(fit.pageWidth).toBeLessThanOrEqual(1032);
  await page.emulateMedia({ media: 'screen' });
  expect(problems).toEqual([]);
});

test('the board paper: a title block kept with the model, the assumptions, the chart and year tables, on at most 3 A4 landscape pages', async ({ page, problems }) => {
  await openApp(page);
  await openComparison(page);
  await page.getByText('Edit the title block').click();
  await enter(page.getByLabel('Version or status'), 'Draft for discussion');
  await enter(page.getByLabel('Prepared by'), 'Head of Finance, Integrated Commissioning');
  await enter(page.getByLabel('Date', { exact: true }), '1 December 2026');
  const block = page.locator('.pb-paper__facts');
  const fact = (term) => block.locator('.pb-paper__fact').filter({ has: page.locator('dt', { hasText: term }) }).locator('dd');
  await expect(fact('Model')).toHaveText('Better Care Fund');
  await expect(fact('Options compared')).toHaveText('Option A: as agreed (base), Option B: pro rata, Option C: host bears');
  await expect(fact('Date')).toHaveText('1 December 2026');
  await expect(fact('Version or status')).toHaveText('Draft for discussion');
  await expect(fact('Prepared by')).toHaveText('Head of Finance, Integrated Commissioning');
  // Typed once: kept with the model through a reload.
  await page.reload();
  await openComparison(page);
  await expect(fact('Prepared by')).toHaveText('Head of Finance, Integrated Commissioning');
  await expectNoAxeViolations(page);

  // Printed: A4 landscape is 297 mm less 2 × 12 mm margins, 1032 CSS px wide.
  await page.setViewportSize({ width: 1032, height: 730 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByLabel('Prepared by')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print board paper' })).toBeHidden();
  await expect(block).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Assumptions/ })).toBeVisible();
  await expect(page.locator('#pb-chart-differences .pb-chart__svg')).toBeVisible();
  await expect(page.getByRole('table', { name: /^Option B: pro rata: difference from the base in net cost, by year/ })).toBeVisible();
  const fit = await fitting(page);
  expect(fit.clipped).toEqual([]);
  expect(fit.pageWidth, 'nothing runs off the page').toBeLessThanOrEqual(1032);
  await page.screenshot({ path: `${SCREENSHOTS}/board-paper.png`, fullPage: true });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
  writeFileSync(`${SCREENSHOTS}/board-paper.pdf`, pdf);
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? [];
  expect(pages.length).toBeGreaterThan(0);
  expect(pages.length, 'A4 landscape pages').toBeLessThanOrEqual(3);
  await page.emulateMedia({ media: 'screen' });
  expect(problems).toEqual([]);
});

test('the Better Care Fund board paper in £000 reads as a cabinet paper: bare figures under one unit on the chart, no placeholder, one rounding note, percentages a board reads', async ({ page, problems }) => {
  await openApp(page);
  await page.locator('#results-money-unit').selectOption('thousands');
  await page.locator('#results-money-negatives').selectOption('brackets');
  await openComparison(page);
  await page.setViewportSize({ width: 1032, height: 730 });
  await page.emulateMedia({ media: 'print' });
  const chart = page.locator('#pb-chart-differences .pb-chart__svg');
  await expect(chart).toBeVisible();
  // The chart's unit is said once, above its axis; ticks and bar labels are bare thousands.
  await expect(chart.locator('.pb-chart__axis-title')).toHaveText('£000');
  const ticks = await chart.locator('.pb-chart__tick:not(.pb-chart__axis-title)').allTextContents();
  expect(ticks).toContain('0');
  expect(ticks).toContain('1,000');
  expect(ticks).toContain('(1,000)');
  const bars = await chart.locator('.pb-chart__value').allTextContents();
  expect(bars).toContain('1,142');
  expect(bars).toContain('(353)');
  for (const label of [...ticks, ...bars]) expect(label).toMatch(/^\(?[\d,]+\)?$/);

  const paper = await page.locator('main').innerText();
  // No placeholder text on the paper.
  expect(paper).not.toContain('No description given');
  // The rounding rule is said once, not once per option.
  expect(paper.match(/Totals are worked out from the exact amounts/g) ?? []).toHaveLength(1);
  expect(paper).toContain('‘Option A: as agreed (base)’ adds up to 230,050, not 230,051');
  // Every percentage on the paper: one decimal place under 10%, whole from 10%, none on a
  // tiny base ("n/a"); the stress table's "+491.46%" reads "+491%".
  const percents = paper.match(/[+−-]?[\d,.]+%/g) ?? [];
  expect(percents.length).toBeGreaterThan(5);
  for (const p of percents) {
    const size = Number(p.replace(/[+−,%-]/g, ''));
    if (size < 10) expect(p, 'one decimal place under 10%').toMatch(/^[+−]?\d(\.\d)?%$/);
    else expect(p, 'whole percents from 10%').toMatch(/^[+−]?[\d,]+%$/);
  }
  expect(paper).toContain('less (−0.5%)');
  expect(paper).toContain('more (+491%)');
  expect(paper).toContain('more (n/a)');
  // Words that match the brackets: the year tables' note, the chart's sentence (the size and
  // the word, not "(£353k) (lower)").
  expect(paper).toContain('an amount in brackets, like (179), is less');
  expect(paper).not.toContain('a minus sign (−) less');
  expect(paper).toContain("London Borough of Hackney's: £353k lower");
  expect(paper).not.toContain('(lower)');
  // The stress table leaves out partners with nothing under the option's rule, and says so.
  const stress = page.locator('#stress-own');
  await expect(stress.getByRole('rowheader', { name: 'East London NHS Foundation Trust' })).toHaveCount(0);
  await expect(stress.getByRole('rowheader', { name: 'London Borough of Hackney' })).toHaveCount(1);
  expect(paper).toContain("4 partners with nothing under this option's rule are not shown.");
  await page.screenshot({ path: `${SCREENSHOTS}/board-paper-thousands.png`, fullPage: true });

  // In £m the chart says "£m" once and its figures are bare millions.
  await page.emulateMedia({ media: 'screen' });
  await page.locator('#compare-money-unit').selectOption('millions');
  await expect(chart.locator('.pb-chart__axis-title')).toHaveText('£m');
  const millions = await chart.locator('.pb-chart__value').allTextContents();
  expect(millions).toContain('1.1');
  expect(millions).toContain('(0.4)');
  await expectNoAxeViolations(page);
  expect(problems).toEqual([]);
});
