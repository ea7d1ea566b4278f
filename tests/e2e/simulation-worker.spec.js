// The simulation runs in a Web Worker with its own wasm (issue #16 item 4, #18): loaded from the
// app's own folder only when someone runs a simulation, reused for the next run, under the
// strict content security policy of docs/embedding.md, from a sub-path and inside an intranet
// page on another origin. A worker that cannot start says what is wrong and what to do, and
// nothing typed is lost. On a machine with several cores the worker splits each run between
// nested workers of the same script (one per core, up to four), with the same figures; one that
// cannot start leaves its share to the first, and Cancel stops them all.
import { readFileSync } from 'node:fs';

import { test, expect, expectNoAxeViolations, exceptStoppedWorkerLoads, openApp, SCREENSHOTS } from './support.js';
import { EMBED_APP, HOST_ORIGIN, SUBPATH, SUBPATH_PORT } from './ports.js';

const golden = JSON.parse(readFileSync('tests/golden/simulation-fifty-fifty.json', 'utf8'));
const WORKER_FILES = ['simulation-worker-loader.js', 'simulation-worker.js', 'simulation-worker_bg.wasm'];

/** Checks the side-by-side table against the native engine's figures for the golden model. */
async function expectGoldenFigures(scope) {
  const table = scope.locator('#simulation-side-by-side');
  await expect(table).toBeVisible({ timeout: 20_000 });
  for (const [at, option] of golden.options.entries()) {
    for (const partner of option.partners) {
      const cells = table.getByRole('row', { name: new RegExp(`^${partner.name}`) }).locator('td');
      await expect(cells.nth(at * 3)).toHaveText(partner.p50);
      await expect(cells.nth(at * 3 + 1)).toHaveText(partner.p90);
      await expect(cells.nth(at * 3 + 2)).toHaveText(partner.chance);
    }
  }
}

/** The workers a run uses on this machine: the page's, and one part per core (up to four) if
 * there are several. */
async function workersPerRun(page) {
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  return 1 + (cores > 1 ? Math.min(4, cores) : 0);
}

/** Serves the page's worker its script with `prelude` first: code that changes what the
 * worker sees (as a machine with other cores or a browser that refuses a part would). Only the
 * page's worker: the browser does not pass its nested workers' requests through routes. */
async function workerPrelude(page, prelude) {
  await page.route('**/simulation-worker-loader.js', async (route) => {
    const response = await route.fetch();
    return route.fulfill({ response, body: `${prelude}\n${await response.text()}` });
  });
}

const cores = (count) => `Object.defineProperty(self.navigator, 'hardwareConcurrency', { value: ${count} });`;

async function openComparison(scope) {
  await scope.getByRole('button', { name: 'Compare options side by side' }).click();
  await expect(scope.locator('#simulation-run')).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('from a sub-path under the strict policy: the worker loads on the first run only, and is reused', async ({ page, problems }) => {
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  const workerRequests = () => requested.filter((path) => WORKER_FILES.some((f) => path.endsWith(`/${f}`)));
  await openApp(page, `http://127.0.0.1:${SUBPATH_PORT}${SUBPATH}#${golden.link}`);
  await openComparison(page);
  // Nothing of the simulation is fetched with the page.
  expect(workerRequests()).toEqual([]);

  await page.getByRole('button', { name: 'Run the simulation' }).click();
  await expectGoldenFigures(page);
  // The worker's scripts once per worker (the page's, and its parts on a machine with several
  // cores), its wasm once (compiled once, the module shared with the parts), all from the
  // app's own folder (never a blob: URL).
  const workers = await workersPerRun(page);
  expect(page.workers()).toHaveLength(workers);
  const perWorker = (f) => (f.endsWith('.wasm') ? 1 : workers);
  expect(workerRequests().sort()).toEqual(WORKER_FILES.flatMap((f) => Array(perWorker(f)).fill(`${SUBPATH}${f}`)).sort());

  // A second run, of another seed, uses the same worker: nothing is fetched again.
  await page.getByLabel('Seed', { exact: true }).fill('7');
  await page.getByLabel('Seed', { exact: true }).press('Tab');
  await expect(page.getByText(/The model has changed since this run/)).toBeVisible();
  await page.getByRole('button', { name: 'Run the simulation' }).click();
  await expect(page.locator('#simulation-side-by-side caption')).toContainText('seed 7');
  await expect(page.getByText(/The model has changed since this run/)).toHaveCount(0);
  expect(workerRequests()).toHaveLength(2 * workers + 1);
  // Back to the first seed: the figures the native engine computed, again.
  await page.getByLabel('Seed', { exact: true }).fill(String(golden.seed));
  await page.getByLabel('Seed', { exact: true }).press('Tab');
  await page.getByRole('button', { name: 'Run the simulation' }).click();
  await expect(page.locator('#simulation-side-by-side caption')).toContainText(`seed ${golden.seed}`);
  await expectGoldenFigures(page);
  expect(workerRequests()).toHaveLength(2 * workers + 1);
  expect(page.workers()).toHaveLength(workers);
  expect(problems).toEqual([]);
});

test('a run is split between one worker per core, up to four, with the same figures', async ({ context }) => {
  for (const count of [1, 2, 3, 4, 8]) {
    // A page of its own, so a worker of its own that reads the cores anew.
    const page = await context.newPage();
    await workerPrelude(page, cores(count));
    await openApp(page, `./#${golden.link}`);
    await openComparison(page);
    await page.getByRole('button', { name: 'Run the simulation' }).click();
    await expectGoldenFigures(page);
    expect(page.workers(), `${count} cores`).toHaveLength(1 + (count > 1 ? Math.min(4, count) : 0));
    await page.close();
  }
});

test('a browser that cannot post a compiled module: each part fetches the wasm itself, with the same figures', async ({ page, problems }) => {
  const wasmRequests = [];
  page.on('request', (request) => { if (request.url().endsWith('/simulation-worker_bg.wasm')) wasmRequests.push(request.url()); });
  await workerPrelude(page, `${cores(2)}
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (data, ...rest) {
      if (data && data.module instanceof WebAssembly.Module) throw new DOMException('no modules', 'DataCloneError');
      return post.call(this, data, ...rest);
    };`);
  await openApp(page, `./#${golden.link}`);
  await openComparison(page);
  await page.getByRole('button', { name: 'Run the simulation' }).click();
  await expectGoldenFigures(page);
  expect(page.workers()).toHaveLength(3);
  expect(wasmRequests).toHaveLength(3);
  expect(problems).toEqual([]);
});

// How a part can fail, as the page's worker sees it: its script not found (every part, or
// only the first), the browser refusing to start it, or a part that stops in the middle of the
// run (terminated after its first progress, with the error event a crash gives).
const FAILING_PARTS = {
  'every part not found': "self.Worker = class extends Worker { constructor(url, options) { super('./no-such-part.js', options); } };",
  'the first part not found': "self.Worker = class extends Worker { constructor(url, options) { super(options.name.endsWith(' 0') ? './no-such-part.js' : url, options); } };",
  'parts refused': "self.Worker = class { constructor() { throw new Error('refused'); } };",
  'a part that stops mid-run': `self.Worker = class extends Worker {
    constructor(url, options) {
      super(url, options);
      if (!options.name.endsWith(' 1')) return;
      let stopped = false;
      this.addEventListener('message', (event) => {
        if (stopped || event.data.type !== 'progress') return;
        stopped = true;
        this.terminate();
        this.dispatchEvent(new Event('error'));
      });
    }
  };`,
};

for (const [failure, prelude] of Object.entries(FAILING_PARTS)) {
  test(`${failure}: the page's worker does that share itself, with the same figures and no message`, async ({ page }) => {
    await workerPrelude(page, `${cores(2)}\n${prelude}`);
    await openApp(page, `./#${golden.link}`);
    await openComparison(page);
    await page.getByRole('button', { name: 'Run the simulation' }).click();
    await expectGoldenFigures(page);
    await expect(page.locator('#uncertainty [role="alert"]')).toHaveCount(0);
    // And the next runs, without the part that failed, give them again.
    await page.getByLabel('Seed', { exact: true }).fill('7');
    await page.getByLabel('Seed', { exact: true }).press('Tab');
    await page.getByRole('button', { name: 'Run the simulation' }).click();
    await expect(page.locator('#simulation-side-by-side caption')).toContainText('seed 7');
    await page.getByLabel('Seed', { exact: true }).fill(String(golden.seed));
    await page.getByLabel('Seed', { exact: true }).press('Tab');
    await page.getByRole('button', { name: 'Run the simulation' }).click();
    await expect(page.locator('#simulation-side-by-side caption')).toContainText(`seed ${golden.seed}`);
    await expectGoldenFigures(page);
  });
}

test('embedded in an intranet page on another origin, under the embedding policy', async ({ page, problems }) => {
  await page.goto(`${HOST_ORIGIN}/host.html?app=${encodeURIComponent(new URL(`?embed=1&view=compare#${golden.link}`, EMBED_APP).href)}`);
  const frame = page.frameLocator('#pooled-budgets');
  await expect(frame.locator('#pb-loading')).toHaveCount(0);
  await frame.locator('#simulation-run').click();
  await expectGoldenFigures(frame);
  expect(problems).toEqual([]);
});

/** Serves the page with the strict policy plus `extra` (as a stricter intranet might). */
async function stricterPolicy(page, extra) {
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    const headers = response.headers();
    headers['content-security-policy'] = `${headers['content-security-policy']}; ${extra}`;
    return route.fulfill({ response, headers });
  });
}

test('a policy that blocks workers: a clear message saying what to ask for, and nothing lost', async ({ page }) => {
  await stricterPolicy(page, "worker-src 'none'");
  await openApp(page, `./#${golden.link}`);
  await openComparison(page);
  await page.getByLabel('Draws', { exact: true }).fill('1500');
  await page.getByLabel('Draws', { exact: true }).press('Tab');
  await page.getByRole('button', { name: 'Run the simulation' }).click();
  const alert = page.locator('#uncertainty [role="alert"]');
  await expect(alert).toContainText('The simulation could not start');
  await expect(alert).toContainText('Nothing you typed is lost');
  await expect(alert).toContainText("worker-src 'self'");
  await page.locator('#uncertainty .pb-uncertainty__run').locator('..').screenshot({ path: `${SCREENSHOTS}/simulation-worker-blocked.png` });
  await expectNoAxeViolations(page, '#uncertainty');
  // What was typed is still there, and the page still works.
  await expect(page.getByLabel('Draws', { exact: true })).toHaveValue('1500');
  await expect(page.getByRole('button', { name: 'Run the simulation' })).toBeEnabled();
  await expect(page.locator('#simulation-progress')).toHaveCount(0);
  await page.getByRole('button', { name: 'Back to editing' }).click();
  await expect(page.locator('main h1')).toBeVisible();
});

test('a worker whose wasm fails to load: the same message, and the next run starts afresh', async ({ page }) => {
  await page.route('**/simulation-worker_bg.wasm', (route) => route.abort());
  await openApp(page, `./#${golden.link}`);
  await openComparison(page);
  await page.getByRole('button', { name: 'Run the simulation' }).click();
  const alert = page.locator('#uncertainty [role="alert"]');
  await expect(alert).toContainText('The simulation could not start');
  await expect(alert).toContainText('Reload the page and try again');
  // Once the file can be fetched, running again starts a new worker and gives the figures.
  await page.unroute('**/simulation-worker_bg.wasm');
  await page.getByRole('button', { name: 'Run the simulation' }).click();
  await expectGoldenFigures(page);
  await expect(alert).toHaveCount(0);
});

test('Cancel stops the worker at once, and so does leaving the comparison mid-run', async ({ page, problems }) => {
  // The template, with a shared driver on its first pool (every line of it drawn) and the most
  // draws allowed, so the run lasts long enough to stop it.
  await openApp(page);
  await openComparison(page);
  await page.getByRole('button', { name: /^Edit ranges/ }).click();
  for (const [point, value] of [['Low', '-2%'], ['High', '6%'], ['Most likely', '1%']]) {
    const field = page.locator(`#ranges-editor input[aria-label^="${point} shared driver for"]`).first();
    await field.fill(value);
    await field.press('Tab');
  }
  await expect(page.getByRole('button', { name: /^Hide ranges \(1 set\)/ })).toBeVisible();
  await page.getByLabel('Draws', { exact: true }).fill('20000');
  await page.getByLabel('Draws', { exact: true }).press('Tab');
  expect(page.workers()).toHaveLength(0);
  const workers = await workersPerRun(page);
  const allClosed = () => Promise.all(page.workers().map((w) => new Promise((resolve) => w.on('close', resolve))));
  await page.getByRole('button', { name: 'Run the simulation' }).click();
  // The page's worker and its parts, every one of them stopped by Cancel.
  await expect.poll(() => page.workers().length).toBe(workers);
  const firstClosed = allClosed();
  await expect(page.getByRole('status').filter({ hasText: /^Simulating: [\d,]+ of 60,000 draws$/ })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await firstClosed;
  await expect(page.getByText(/^Cancelled\./)).toBeVisible();
  expect(page.workers()).toHaveLength(0);

  // A new run starts new workers; leaving the comparison while it runs stops them.
  await page.getByRole('button', { name: 'Run the simulation' }).click();
  await expect.poll(() => page.workers().length).toBe(workers);
  const secondClosed = allClosed();
  await page.getByRole('button', { name: 'Back to editing' }).click();
  await secondClosed;
  expect(page.workers()).toHaveLength(0);
  expect(exceptStoppedWorkerLoads(problems)).toEqual([]);
});
