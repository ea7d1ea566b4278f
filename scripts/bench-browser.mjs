// The browser half of `make bench`: load time of the app beside a bare Yew page (plain and with
// the CPU throttled 4×), the engine's compute inside wasm, edit-to-paint latency and memory on
// the large model. Drives Debian's Chromium through Playwright and the DevTools protocol.
//
//   node scripts/bench-browser.mjs [out.json]     prints the figures as JSON (and writes them)
//
// Expects dist/ (make dist), target/bench/bare-yew/ and target/bench/compute/ (make bench builds
// both). Serves them on 127.0.0.1 at BENCH_PORT, +1 and +2 (default 4191–4193). BENCH_DIST serves
// another build of the app in place of dist/ (to compare two builds). BENCH_LOADS sets
// the loads per page and setting (default 11), BENCH_EDITS the edits (default 100, and as many
// again with the CPU slowed 4×). BENCH_MEASURES picks some of the measures, comma-separated:
// load, compute, opens, edits, slow-edits (default all; slow-edits needs edits); run this script directly to get just those.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const PORT = Number(process.env.BENCH_PORT ?? 4191);
const LOADS = Number(process.env.BENCH_LOADS ?? 11);
const EDITS = Number(process.env.BENCH_EDITS ?? 100);
const OPENS = Number(process.env.BENCH_OPENS ?? 5);
const PASTES = Number(process.env.BENCH_PASTES ?? 5);
const SIMULATIONS = Number(process.env.BENCH_SIMULATIONS ?? 3);
const MEASURES = (process.env.BENCH_MEASURES ?? 'load,compute,opens,edits,slow-edits,paste,simulation').split(',').map((m) => m.trim());
const measured = (name) => MEASURES.includes(name);
const COMPUTE_BATCHES = 30;
const COMPUTE_BATCH = 10;
// What "results on screen" means, for the app and the bare page alike.
const READY = '.pb-results table';
// What "the modeller has started" means: its "Models and files" button, which the first screen
// (docs/maintainers.md, "The first screen") does not draw.
const EDITOR = '#models-toggle';
const LAUNCH = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
};

export const median = (xs) => percentile(xs, 50);
export function percentile(xs, p) {
  const sorted = [...xs].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

/** Starts scripts/serve-dist.mjs on `root` and waits until it answers. */
async function serve(root, port) {
  const child = spawn(process.execPath, ['scripts/serve-dist.mjs', '--root', root, '--port', String(port)],
    { stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(url)).ok) return { url, stop: () => child.kill() };
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`the server for ${root} did not start on port ${port} (is the port taken? set BENCH_PORT)`);
}

// Runs in the page before its own scripts: resolves `window.__benchReady` with the time since
// navigation start at which `selector` was in the DOM and the frame showing it was painted
// (the next animation frame, then a message posted from it, which runs after that frame).
// `window.__benchEditor` likewise for `editor` (never, for the bare page).
function watchForReady([selector, editor]) {
  const painted = (sought) => new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector(sought)) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      });
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  window.__benchReady = painted(selector);
  window.__benchEditor = painted(editor);
}

/**
 * One cold load (a fresh browser context: empty cache and storage) of `url`: milliseconds to
 * the results on screen, and with `editor`, also to the modeller started ({ results, editor }).
 */
async function timeLoad(browser, url, throttle, editor = false) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    if (throttle > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    }
    await page.addInitScript(watchForReady, [READY, EDITOR]);
    await page.goto(url);
    const results = await page.evaluate(() => window.__benchReady);
    if (!editor) return results;
    return { results, editor: await page.evaluate(() => window.__benchEditor) };
  } finally {
    await context.close();
  }
}

async function loads(browser, appUrl, bareUrl, throttle) {
  const app = [];
  const editor = [];
  const bare = [];
  // One throwaway load of each first (the first start of a renderer process is slower), then
  // alternate, so noise from the shared machine falls on both alike.
  await timeLoad(browser, appUrl, throttle);
  await timeLoad(browser, bareUrl, throttle);
  for (let i = 0; i < LOADS; i += 1) {
    const times = await timeLoad(browser, appUrl, throttle, true);
    app.push(times.results);
    editor.push(times.editor);
    bare.push(await timeLoad(browser, bareUrl, throttle));
  }
  return { app: summary(app), editor: summary(editor), bare: summary(bare), ratio: median(app) / median(bare) };
}

function summary(xs) {
  return { median: median(xs), p95: percentile(xs, 95), min: Math.min(...xs), max: Math.max(...xs), n: xs.length };
}

/** The large model's compute in wasm, and its share link. */
async function computeInWasm(browser, url) {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    return await page.evaluate(async ({ batches, batch }) => {
      const bench = await import('./bench-compute.js');
      await bench.default({ module_or_path: new URL('bench-compute_bg.wasm', document.baseURI) });
      const large = new bench.LargeModel();
      if (large.compute(batch) !== batch) throw new Error('the large model did not compute');
      const perCompute = [];
      for (let i = 0; i < batches; i += 1) {
        const t0 = performance.now();
        large.compute(batch);
        perCompute.push((performance.now() - t0) / batch);
      }
      return {
        perCompute,
        link: large.link(),
        limitsLink: bench.limits_link(),
        simulationLinks: { reference: bench.simulation_link(false), large: bench.simulation_link(true) },
      };
    }, { batches: COMPUTE_BATCHES, batch: COMPUTE_BATCH });
  } finally {
    await page.close();
  }
}

/** JS heap in use and the app's wasm memory, after a forced garbage collection; bytes. */
async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(async () => {
    // The app's module is already initialised; calling init again returns its exports.
    const app = await import('./pooled-budgets.js');
    return (await app.default()).memory.buffer.byteLength;
  });
  return { jsHeap: usedSize, wasm };
}

// Runs in the page: commits `count` new amounts into the input `id` (as typing then leaving the
// field does) and times each from the change event to the paint of the changed results.
async function editLoop({ id, count }) {
  const input = document.getElementById(id);
  if (!input || !document.querySelector('.pb-results')) throw new Error(`no field #${id} or no results`);
  const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(null);
  }));
  const start = Number(input.value.replace(/[^0-9.]/g, ''));
  const times = [];
  for (let i = 1; i <= count; i += 1) {
    // The field shows the model's value again after a commit, a render or two after the results
    // (`data-committed` is that value): typing before then would be overwritten by it.
    for (let frames = 0; input.value !== input.dataset.committed && frames < 600; frames += 1) await nextPaint();
    input.value = String(start + i * 1000);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await nextPaint();
    // Looked up each time: the results panel may have been drawn afresh since the last edit.
    const results = document.querySelector('.pb-results');
    const before = results.textContent;
    const changed = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the results did not change after edit ${i} (to ${input.value}; results ${results.isConnected ? 'in the page' : 'detached'}, text ${results.textContent === before ? 'unchanged' : 'changed'})`)), 60_000);
      const observer = new MutationObserver(() => { observer.disconnect(); clearTimeout(timer); resolve(); });
      observer.observe(results, { childList: true, subtree: true, characterData: true });
    });
    const t0 = performance.now();
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await changed;
    times.push((await nextPaint()) - t0);
  }
  return times;
}

/**
 * Cold opens (a fresh context each: empty storage) of the app at `link`, timed from navigation
 * to the first painted results; milliseconds. How the size limits are checked: the largest model
 * the modeller accepts must open in under 3 s.
 */
async function opens(browser, appUrl, link, count) {
  await timeLoad(browser, `${appUrl}#${link}`, 1);
  const times = [];
  for (let i = 0; i < count; i += 1) times.push(await timeLoad(browser, `${appUrl}#${link}`, 1));
  return summary(times);
}

/** Opens the large model from its link in a new page; the page, its CDP session and the field edited. */
async function openLargeModel(context, appUrl, link) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(`${appUrl}#${link}`);
  await page.locator(READY).first().waitFor();
  // The editor is drawn once the results are painted and the page is idle.
  await page.locator('label', { hasText: /^Amount each year, in pounds$/ }).first().waitFor();
  // The first contribution with a fixed amount each year (the first pool's Better Care Grant).
  const id = await page.evaluate(() => [...document.querySelectorAll('label')]
    .find((l) => l.textContent === 'Amount each year, in pounds')?.htmlFor);
  if (!id) throw new Error('no "Amount each year" field in the large model');
  return { page, cdp, id };
}

/**
 * Opens the large model from its link, measures memory, edits, measures again; then, in a fresh
 * page, the same edits with the CPU slowed 4× (`Emulation.setCPUThrottlingRate`), as on an old
 * council laptop.
 */
async function largeModel(browser, appUrl, link) {
  let context = await browser.newContext();
  try {
    const { page, cdp, id } = await openLargeModel(context, appUrl, link);
    const before = await memory(page, cdp);
    const times = await page.evaluate(editLoop, { id, count: EDITS });
    const after = await memory(page, cdp);
    const figures = { edits: summary(times), memory: { before, after } };
    if (!measured('slow-edits')) return figures;
    await context.close();
    context = await browser.newContext();
    const slow = await openLargeModel(context, appUrl, link);
    await slow.cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const throttled = await slow.page.evaluate(editLoop, { id: slow.id, count: EDITS });
    return { ...figures, throttledEdits: summary(throttled) };
  } finally {
    await context.close();
  }
}

// Runs in the page: 120 schemes (the grid's columns, tab-separated, CRLF rows, £ and commas, as
// Excel puts them on the clipboard) pasted into the first row's first cell, the preview
// accepted, and times from the paste event to the painted preview, and from "Paste them" to the
// painted results; milliseconds.
async function pasteLoop() {
  const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(null);
  }));
  const until = async (test, what) => {
    for (let frames = 0; !test(); frames += 1) {
      if (frames > 3000) throw new Error(`timed out waiting for ${what}`);
      await nextPaint();
    }
  };
  const years = [...document.querySelectorAll('#scheme-grid-region thead th')]
    .map((th) => th.textContent.match(/Budget\s*(\d{4}\/\d{2})/)?.[1]).filter(Boolean);
  const pool = document.querySelector('#scenario-0-line-0-pool option:checked')?.textContent ?? '';
  const rows = [];
  for (let n = 1; n <= 120; n += 1) {
    const budgets = years.map((_, y) => `£${(100000 + n * 1250 + y * 10000).toLocaleString('en-GB')}.${String(n % 100).padStart(2, '0')}`);
    rows.push([`BCF-${n}`, `Scheme ${n}`, pool, '', '', '', '', '0', ...budgets].join('\t'));
  }
  const cell = document.getElementById('scenario-0-line-0-reference');
  if (!cell) throw new Error('no scheme grid');
  cell.focus();
  const results = document.querySelector('.pb-results');
  const before = results.textContent;
  const data = new DataTransfer();
  data.setData('text/plain', `${rows.join('\r\n')}\r\n`);
  const t0 = performance.now();
  cell.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  await until(() => document.getElementById('scheme-preview-heading'), 'the preview');
  const preview = (await nextPaint()) - t0;
  const accept = [...document.querySelectorAll('.pb-preview button')].find((b) => b.textContent === 'Paste them');
  if (!accept) throw new Error(`no "Paste them": ${document.querySelector('.pb-preview')?.textContent}`);
  const t1 = performance.now();
  accept.click();
  await until(() => document.querySelector('.pb-results')?.textContent !== before
    // The grid holds 120 schemes: its aria-rowcount (with the header row) where it draws only
    // the rows in view, or its rows where it draws them all (builds before issue #13's second round).
    && (document.querySelector('#scheme-grid-region table')?.getAttribute('aria-rowcount') === '121'
      || document.querySelectorAll('#scheme-grid-region tbody tr').length === 120), 'the pasted schemes');
  const applied = (await nextPaint()) - t1;
  return { preview, applied, total: preview + applied };
}

/** Pasting 120 schemes into the template (a fresh page each), `count` times. */
async function pastes(browser, appUrl, count) {
  const runs = [];
  for (let i = 0; i < count; i += 1) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(appUrl);
      await page.locator('#scenario-0-line-0-reference').waitFor();
      runs.push(await page.evaluate(pasteLoop));
    } finally {
      await context.close();
    }
  }
  return {
    total: summary(runs.map((r) => r.total)),
    preview: summary(runs.map((r) => r.preview)),
    applied: summary(runs.map((r) => r.applied)),
  };
}

// Runs in the page: clicks "Run the simulation" and waits for its results, while a probe posts
// itself a message every 25 ms and records how long each waited for the page's thread — the
// delay a key press or click would have met. Milliseconds.
async function simulationRun() {
  const run = document.getElementById('simulation-run');
  if (!run) throw new Error('no simulation panel');
  const waits = [];
  let running = true;
  const probe = async () => {
    while (running) {
      const posted = performance.now();
      await new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = resolve;
        channel.port2.postMessage(null);
      });
      waits.push(performance.now() - posted);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const t0 = performance.now();
  run.click();
  const probing = probe();
  await new Promise((resolve, reject) => {
    const check = () => {
      if (document.getElementById('simulation-side-by-side')) return resolve();
      const alert = document.querySelector('.pb-uncertainty [role="alert"]');
      if (alert) return reject(new Error(alert.textContent));
      if (performance.now() - t0 > 120_000) return reject(new Error('the simulation did not finish'));
      requestAnimationFrame(check);
    };
    check();
  });
  const total = performance.now() - t0;
  running = false;
  await probing;
  return { total, waits };
}

/** The simulation of `link` (a one-option model with a range on every line), `count` runs. */
async function simulations(browser, appUrl, link, count) {
  const runs = [];
  for (let i = 0; i < count; i += 1) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${appUrl}#${link}`);
      await page.locator(READY).first().waitFor();
      await page.getByRole('button', { name: 'Compare options side by side' }).click();
      await page.locator('#simulation-run').waitFor();
      runs.push(await page.evaluate(simulationRun));
    } finally {
      await context.close();
    }
  }
  const waits = runs.flatMap((r) => r.waits);
  return { total: summary(runs.map((r) => r.total)), wait: summary(waits), longestWait: Math.max(...waits) };
}

export async function runBrowserBenches() {
  const servers = [];
  const browser = await chromium.launch(LAUNCH);
  try {
    const app = await serve(process.env.BENCH_DIST ?? 'dist', PORT);
    servers.push(app);
    const bare = await serve('target/bench/bare-yew', PORT + 1);
    servers.push(bare);
    const compute = await serve('target/bench/compute', PORT + 2);
    servers.push(compute);
    const wasm = await computeInWasm(browser, compute.url);
    return {
      chromium: browser.version(),
      ...measured('load') && {
        load: await loads(browser, app.url, bare.url, 1),
        throttled: await loads(browser, app.url, bare.url, 4),
      },
      ...measured('compute') && { wasmCompute: summary(wasm.perCompute) },
      ...measured('opens') && {
        limitsOpen: { ...await opens(browser, app.url, wasm.limitsLink, OPENS), link: wasm.limitsLink.length },
      },
      ...measured('edits') && await largeModel(browser, app.url, wasm.link),
      ...measured('paste') && { paste: await pastes(browser, app.url, PASTES) },
      ...measured('simulation') && {
        simulation: {
          reference: await simulations(browser, app.url, wasm.simulationLinks.reference, SIMULATIONS),
          large: await simulations(browser, app.url, wasm.simulationLinks.large, 1),
        },
      },
    };
  } finally {
    await browser.close();
    servers.forEach((s) => s.stop());
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await runBrowserBenches();
  const json = JSON.stringify(figures, null, 2);
  if (process.argv[2]) writeFileSync(process.argv[2], json);
  console.log(json);
}
