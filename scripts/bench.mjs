// The report of `make bench`: gathers the seven measures (bundle, load, recompute, interaction,
// links, memory, opening the largest model allowed), prints one table with each target and whether it is met, and rewrites the
// figures section of docs/benchmarks.md (between its `bench:figures` markers) with the date and
// the machine. Run by `make bench` after the builds and `cargo bench`; see docs/benchmarks.md.
import { execSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { sizes } from './sizes.mjs';
import { runBrowserBenches } from './bench-browser.mjs';

const DOC = 'docs/benchmarks.md';
const START = '<!-- bench:figures:start -->';
const END = '<!-- bench:figures:end -->';
const KiB = 1024;
const LOAD_AT_START = loadavg();

const kib = (bytes) => `${(bytes / KiB).toFixed(1)} KiB`;
const mib = (bytes) => `${(bytes / KiB / KiB).toFixed(1)} MiB`;
const ms = (x) => (x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(x >= 10 ? 1 : 2)} ms`);
const us = (ns) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : `${(ns / 1e3).toFixed(1)} µs`);
const chars = (n) => n.toLocaleString('en-GB');
const percent = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
const verdict = (met) => (met ? 'met' : 'MISSED');

/** Median of a criterion bench, in nanoseconds, from target/criterion. */
function criterionMedian(id) {
  const path = `target/criterion/${id}/new/estimates.json`;
  if (!existsSync(path)) throw new Error(`no criterion result at ${path}: run cargo bench --bench compute --bench links`);
  return JSON.parse(readFileSync(path, 'utf8')).median.point_estimate;
}

function command(cmd) {
  try {
    return execSync(cmd, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

function machine(chromium) {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown CPU';
  return [
    `${command('nproc')} × ${model}, ${(Number(command("awk '/MemTotal/ {print $2}' /proc/meminfo")) / KiB / KiB).toFixed(1)} GiB, ${command('uname -sr')}`,
    `load average (1, 5, 15 min) before the browser runs ${LOAD_AT_START.map((l) => l.toFixed(2)).join(' ')}, after ${loadavg().map((l) => l.toFixed(2)).join(' ')} (other work shares this machine)`,
    `${command('rustc -V')}, ${command('trunk --version')}, ${command('wasm-bindgen --version')}, ${command('wasm-opt --version')}`,
    `Chromium ${chromium} (headless, Playwright ${command("node -p \"require('@playwright/test/package.json').version\"")}), Node.js ${process.version}`,
  ];
}

/** Rows of [measure, figure, target, verdict] for the seven measures. */
function rows(b) {
  const app = sizes('dist');
  const bare = sizes('target/bench/bare-yew');
  const wasm = app.rows.find((r) => r.name === 'pooled-budgets-first_bg.wasm');
  const links = JSON.parse(readFileSync('target/bench/link-lengths.json', 'utf8'));
  const linkRow = (match) => links.find(([label]) => match(label))?.[1] ?? [NaN, NaN, NaN];
  const chosen = linkRow((label) => label.endsWith('(chosen)'));
  const json = linkRow((label) => label === 'JSON + base64');
  const growth = (key) => b.memory.after[key] / b.memory.before[key] - 1;
  const load = (name, l) => [
    [`2. Load${name}: app, median of ${l.app.n}`, ms(l.app.median), '', ''],
    [`2. Load${name}: app, the modeller started (its "Models and files" button painted), median of ${l.editor.n}`, ms(l.editor.median), '', ''],
    [`2. Load${name}: bare Yew page, median of ${l.bare.n}`, ms(l.bare.median), '', ''],
    [`2. Load${name}: app ÷ bare Yew`, `${l.ratio.toFixed(2)}×`, '≤ 2.0×', verdict(l.ratio <= 2.0)],
  ];
  return [
    ['1. Bundle: first load, brotli (index.html, styles, loader, the first screen\'s wasm)', kib(app.total.brotli), '≤ 200 KiB', verdict(app.total.brotli <= 200 * KiB)],
    ['1. Bundle: of which the first screen\'s wasm, brotli', kib(wasm.brotli), '', ''],
    ['1. Bundle: then the modeller (fetched once the first screen is painted), brotli', kib(app.modeller.brotli), '', ''],
    ['1. Bundle: a plain visit in all (first load and the modeller), brotli', kib(app.total.brotli + app.modeller.brotli), '', ''],
    ['1. Bundle: the simulation\'s worker (loaded on the first run), brotli', kib(app.onDemand.brotli), '', ''],
    ['1. Bundle: view.html, the shared-model viewer (embedding), first load, brotli', app.viewer ? kib(app.viewer.brotli) : 'none', '', ''],
    ['1. Bundle: first load raw / gzip', `${kib(app.total.raw)} / ${kib(app.total.gzip)}`, '', ''],
    ['1. Bundle: bare Yew page, brotli', kib(bare.total.brotli), '', ''],
    ...load('', b.load),
    ...load(', CPU 4× slower', b.throttled),
    ['3. Recompute: small, native (criterion)', us(criterionMedian('compute/small')), '', ''],
    ['3. Recompute: reference, native', us(criterionMedian('compute/reference')), '', ''],
    ['3. Recompute: large, native', us(criterionMedian('compute/large')), '< 1 ms', verdict(criterionMedian('compute/large') < 1e6)],
    [`3. Recompute: large, in Chromium (wasm), median of ${b.wasmCompute.n}`, ms(b.wasmCompute.median), '< 4 ms', verdict(b.wasmCompute.median < 4)],
    [`4. Edit to paint, large model: median of ${b.edits.n}`, ms(b.edits.median), '≤ 16 ms', verdict(b.edits.median <= 16)],
    ['4. Edit to paint, large model: 95th percentile', ms(b.edits.p95), '≤ 33 ms', verdict(b.edits.p95 <= 33)],
    [`4. Edit to paint, CPU 4× slower: median of ${b.throttledEdits.n}`, ms(b.throttledEdits.median), '≤ 50 ms', verdict(b.throttledEdits.median <= 50)],
    ['4. Edit to paint, CPU 4× slower: 95th percentile', ms(b.throttledEdits.p95), '', ''],
    [`4. Paste 120 schemes into the template to results on screen: median of ${b.paste.total.n}`, ms(b.paste.total.median), '≤ 500 ms', verdict(b.paste.total.median <= 500)],
    ['4. Paste 120 schemes: paste to preview / accept to results (medians)', `${ms(b.paste.preview.median)} / ${ms(b.paste.applied.median)}`, '', ''],
    ['5. Link: small / reference / large (characters)', chosen.map(chars).join(' / '), 'reference ≤ 1,000', verdict(chosen[1] <= 1000)],
    ['5. JSON + base64: small / reference / large', json.map(chars).join(' / '), '', ''],
    [`6. JS heap: large model loaded → after ${b.edits.n} edits`, `${mib(b.memory.before.jsHeap)} → ${mib(b.memory.after.jsHeap)} (${percent(growth('jsHeap'))})`, '< +10%', verdict(growth('jsHeap') < 0.1)],
    [`6. Wasm memory: loaded → after ${b.edits.n} edits`, `${mib(b.memory.before.wasm)} → ${mib(b.memory.after.wasm)} (${percent(growth('wasm'))})`, '< +10%', verdict(growth('wasm') < 0.1)],
    [`7. Open the model at the size limits (12 options × 200 lines, ${chars(b.limitsOpen.link)}-character link): median of ${b.limitsOpen.n}`, ms(b.limitsOpen.median), '< 3 s', verdict(b.limitsOpen.median < 3000)],
    ['7. Open the model at the size limits: slowest', ms(b.limitsOpen.max), '', ''],
    [`8. Simulation, 5,000 draws, reference model (range on every line): median of ${b.simulation.reference.total.n}`, ms(b.simulation.reference.total.median), '≤ 1 s', verdict(b.simulation.reference.total.median <= 1000)],
    ['8. Simulation, 5,000 draws, large model (200 lines × 10 years)', ms(b.simulation.large.total.median), '≤ 10 s', verdict(b.simulation.large.total.median <= 10000)],
    ['8. Simulation: wait for the page\'s thread while it runs, 95th percentile / longest', `${ms(b.simulation.reference.wait.p95)} / ${ms(Math.max(b.simulation.reference.longestWait, b.simulation.large.longestWait))}`, '≤ 50 ms', verdict(Math.max(b.simulation.reference.longestWait, b.simulation.large.longestWait) <= 50)],
  ];
}

function printTable(table) {
  const head = ['measure', 'figure', 'target', 'result'];
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  table.forEach((r) => console.log(line(r)));
}

function markdown(table, about, date) {
  return [
    START,
    `## Figures — ${date}`,
    '',
    'Written by `make bench` (scripts/bench.mjs); the next run replaces this section.',
    '',
    ...about.map((a) => `- ${a}`),
    '',
    '| measure | figure | target | result |',
    '|---|---:|---|---|',
    ...table.map((r) => `| ${r.join(' | ')} |`),
    END,
  ].join('\n');
}

if (process.env.BENCH_MEASURES) {
  console.error('BENCH_MEASURES picks measures for scripts/bench-browser.mjs run on its own; make bench runs them all.');
  process.exit(1);
}
const browser = await runBrowserBenches();
const table = rows(browser);
const about = machine(browser.chromium);
printTable(table);
const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
const doc = readFileSync(DOC, 'utf8');
const [before, rest] = doc.split(START);
const after = rest?.split(END)[1];
if (after === undefined) {
  console.error(`\n${DOC} has no ${START} … ${END} section; figures not written.`);
  process.exitCode = 1;
} else {
  writeFileSync(DOC, `${before}${markdown(table, about, `${date} UTC`)}${after}`);
  console.log(`\nWrote the figures to ${DOC} (${date} UTC).`);
}
