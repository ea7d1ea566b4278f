// Prints every file in a folder with its size raw, gzip (level 9) and brotli (quality 11),
// and the totals: what a browser downloads on first load (index.html and the first screen),
// the modeller's code it fetches once the first screen's figures are painted, what it fetches
// only when asked (the simulation's worker, on the first run), and the first load of view.html,
// the shared-model viewer. Usage: node scripts/sizes.mjs dist
// `make bench` imports `sizes` for its report.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

export function measure(path) {
  const bytes = readFileSync(path);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** Files fetched only when someone runs a simulation, not with the page (docs/uncertainty.md). */
export const ON_DEMAND = ['simulation-worker-loader.js', 'simulation-worker.js', 'simulation-worker_bg.wasm'];

/** The shared-model viewer's own page and code (docs/embedding.md): not part of the modeller's
 * first load; the viewer's first load is these with the files both pages use. */
export const VIEWER = ['view.html', 'pooled-budgets-viewer.js', 'pooled-budgets-viewer_bg.wasm'];
/** The modeller's own code: on a plain visit, fetched once the first screen's figures are
 * painted (docs/maintainers.md, "The first screen"), so not part of the first load. */
export const MODELLER = ['pooled-budgets.js', 'pooled-budgets_bg.wasm'];
/** What only index.html loads first: the page and the first screen's code. */
const FIRST = ['index.html', 'pooled-budgets-first.js', 'pooled-budgets-first_bg.wasm'];

const add = (t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli });
const ZERO = { raw: 0, gzip: 0, brotli: 0 };

/**
 * Every file under `root` with its sizes; `total` is the first load of index.html (every file
 * but the on-demand ones, the viewer's and the modeller's own code), `modeller` the modeller's
 * code fetched after it, `onDemand` the files fetched only when asked, and `viewer` the first
 * load of view.html (null when there is none).
 */
export function sizes(root) {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path); else files.push(path);
    }
  };
  walk(root);
  const rows = files.map((f) => ({ name: relative(root, f), ...measure(f) }));
  const later = (r) => ON_DEMAND.includes(r.name);
  // Builds before the first screen (make bench-compare) loaded the modeller's code first.
  const hasFirst = rows.some((r) => r.name === FIRST[2]);
  const afterFirst = (r) => hasFirst && MODELLER.includes(r.name);
  const total = rows.filter((r) => !later(r) && !VIEWER.includes(r.name) && !afterFirst(r)).reduce(add, ZERO);
  const modeller = rows.filter(afterFirst).reduce(add, ZERO);
  const onDemand = rows.filter(later).reduce(add, ZERO);
  const hasViewer = rows.some((r) => r.name === VIEWER[0]);
  const viewer = hasViewer
    ? rows.filter((r) => !later(r) && !MODELLER.includes(r.name) && !FIRST.includes(r.name)).reduce(add, ZERO)
    : null;
  return { rows, total, modeller, onDemand, viewer };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { rows, total, modeller, onDemand, viewer } = sizes(process.argv[2] ?? 'dist');
  const kb = (n) => (n / 1024).toFixed(1).padStart(8);
  const width = Math.max(10, ...rows.map((r) => r.name.length));
  console.log(`${'file'.padEnd(width)}  ${'raw KiB'.padStart(8)}  ${'gzip KiB'.padStart(8)}  ${'br KiB'.padStart(8)}`);
  for (const r of rows) console.log(`${r.name.padEnd(width)}  ${kb(r.raw)}  ${kb(r.gzip)}  ${kb(r.brotli)}`);
  console.log(`${'first load'.padEnd(width)}  ${kb(total.raw)}  ${kb(total.gzip)}  ${kb(total.brotli)}`);
  console.log(`${'then the modeller'.padEnd(width)}  ${kb(modeller.raw)}  ${kb(modeller.gzip)}  ${kb(modeller.brotli)}`);
  console.log(`${'on demand'.padEnd(width)}  ${kb(onDemand.raw)}  ${kb(onDemand.gzip)}  ${kb(onDemand.brotli)}`);
  if (viewer) console.log(`${'view.html first load'.padEnd(width)}  ${kb(viewer.raw)}  ${kb(viewer.gzip)}  ${kb(viewer.brotli)}`);
}
