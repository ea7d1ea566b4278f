// Two builds of the app side by side: `make bench-compare A=<rev> B=<rev>` (docs/benchmarks.md,
// "Comparing two builds"). The machines are shared and noisy, so a figure from one `make bench`
// says as much about the hour as about the code; this builds both revisions with today's tools,
// then runs the browser measures on them in turns (A B, B A, A B, …) and prints each build's
// median of the rounds, the ratio B ÷ A and every round's figure, so a change is believed only
// when it is larger than the spread of the rounds.
//
//   node scripts/bench-compare.mjs A B [rounds] [measures]
//
// A and B are anything `git rev-parse` reads (a commit, a branch, HEAD~1). Each is built once
// into target/compare/<commit>/dist (from a detached worktree, with this checkout's .tools and a
// shared target/compare/cargo, so only the app's own crate compiles again) and kept for the next
// comparison. rounds: default 3. measures: bench-browser.mjs's, comma-separated, default "load";
// "load,edits,slow-edits,paste,opens,simulation" for the rest. Needs target/bench/bare-yew and
// target/bench/compute (the Makefile target builds them). Writes the figures as JSON into
// target/compare/<A>-<B>.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sizes } from './sizes.mjs';

const [revA, revB, roundsArg, measuresArg] = process.argv.slice(2);
if (!revA || !revB) {
  console.error('usage: node scripts/bench-compare.mjs A B [rounds] [measures]  (or make bench-compare A=… B=…)');
  process.exit(2);
}
const ROUNDS = Number(roundsArg || 3);
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) {
  console.error(`rounds must be a whole number of at least 1, not "${roundsArg}"`);
  process.exit(2);
}
// bench-browser.mjs reads BENCH_MEASURES when it is loaded, so set it before the import below.
process.env.BENCH_MEASURES = measuresArg || 'load';

const ROOT = resolve('.');
const COMPARE = resolve('target/compare');
const CARGO_TARGET = resolve(COMPARE, 'cargo');
const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim();

function commitOf(rev) {
  try {
    return git('rev-parse', '--verify', '--quiet', `${rev}^{commit}`);
  } catch {
    console.error(`"${rev}" is not a commit in this repository (try a commit id, a branch or HEAD~1)`);
    process.exit(2);
  }
}

/** Builds `commit` as `make dist` does, into target/compare/<commit>/dist, unless it is there. */
function build(commit) {
  const dist = resolve(COMPARE, commit, 'dist');
  if (existsSync(resolve(dist, 'pooled-budgets_bg.wasm'))) return dist;
  const src = resolve(COMPARE, commit, 'src');
  rmSync(resolve(COMPARE, commit), { recursive: true, force: true });
  mkdirSync(resolve(COMPARE, commit), { recursive: true });
  git('worktree', 'prune');
  git('worktree', 'add', '--detach', '--force', src, commit);
  try {
    console.error(`building ${commit.slice(0, 9)} into ${dist} …`);
    const sh = (cmd) => execFileSync('bash', ['-eu', '-o', 'pipefail', '-c', cmd],
      { cwd: src, stdio: ['ignore', 'inherit', 'inherit'] });
    // Today's tools for both builds: the comparison is of the code, not of the toolchains.
    sh(`source '${ROOT}/.tools/env.sh' && source '${ROOT}/.tools/wasm-env.sh' && `
      + `CARGO_TARGET_DIR='${CARGO_TARGET}' trunk build --release --dist '${dist}'`);
    // The same steps as `make dist` after Trunk (the loader replaces Trunk's directive; one
    // style sheet and the viewer's page where the revision has their scripts).
    sh(`sed -i '/data-trunk rel="rust"/d' '${dist}/index.html'`);
    if (existsSync(resolve(src, 'scripts/bundle-css.mjs'))) sh(`node scripts/bundle-css.mjs '${dist}'`);
    // The wasm `make dist` builds beside Trunk's: the first screen and the viewer.
    const makefile = readFileSync(resolve(src, 'Makefile'), 'utf8');
    const extra = makefile.match(/^EXTRA_APPS := (.+)$/m)?.[1].trim().split(/\s+/)
      ?? (makefile.includes('--bin pooled-budgets-viewer') ? ['pooled-budgets-viewer'] : []);
    for (const app of extra) {
      sh(`source '${ROOT}/.tools/env.sh' && source '${ROOT}/.tools/wasm-env.sh' && `
        + `CARGO_TARGET_DIR='${CARGO_TARGET}' cargo build --release --target wasm32-unknown-unknown --bin ${app}`);
      sh(`source '${ROOT}/.tools/env.sh' && wasm-bindgen --target web --no-typescript --out-dir '${dist}' `
        + `'${CARGO_TARGET}/wasm32-unknown-unknown/release/${app}.wasm' && wasm-opt -Oz --low-memory-unused `
        + `--zero-filled-memory '${dist}/${app}_bg.wasm' -o '${dist}/${app}_bg.wasm'`);
    }
    if (existsSync(resolve(src, 'scripts/viewer-page.mjs'))) sh(`node scripts/viewer-page.mjs '${dist}'`);
  } catch (e) {
    rmSync(dist, { recursive: true, force: true });
    throw e;
  } finally {
    git('worktree', 'remove', '--force', src);
  }
  return dist;
}

/** The headline figures of one bench-browser run, by name; units in the name. */
function figures(run) {
  const f = {};
  const put = (name, value) => { if (Number.isFinite(value)) f[name] = value; };
  put('load: app, ms', run.load?.app.median);
  put('load: app, the modeller started, ms', run.load?.editor.median);
  put('load: bare Yew page, ms', run.load?.bare.median);
  put('load: app ÷ bare', run.load?.ratio);
  put('load, CPU 4× slower: app, ms', run.throttled?.app.median);
  put('load, CPU 4× slower: app, the modeller started, ms', run.throttled?.editor.median);
  put('load, CPU 4× slower: bare Yew page, ms', run.throttled?.bare.median);
  put('load, CPU 4× slower: app ÷ bare', run.throttled?.ratio);
  put('edit to paint, large model: median, ms', run.edits?.median);
  put('edit to paint, large model: 95th percentile, ms', run.edits?.p95);
  put('edit to paint, CPU 4× slower: median, ms', run.throttledEdits?.median);
  put('paste 120 schemes to results, ms', run.paste?.total.median);
  put('open the model at the size limits, ms', run.limitsOpen?.median);
  put('simulation, reference model, ms', run.simulation?.reference.total.median);
  put('simulation, large model, ms', run.simulation?.large.total.median);
  put('wasm memory after the edits, MiB', run.memory && run.memory.after.wasm / 1024 / 1024);
  return f;
}

const a = commitOf(revA);
const b = commitOf(revB);
mkdirSync(COMPARE, { recursive: true });
const builds = [{ label: 'A', rev: revA, commit: a }, { label: 'B', rev: revB, commit: b }];
for (const x of builds) x.dist = build(x.commit);

const { runBrowserBenches, median } = await import('./bench-browser.mjs');
for (const x of builds) x.runs = [];
for (let round = 0; round < ROUNDS; round += 1) {
  // Turns alternate so that neither build always runs first (or last) in a round.
  const order = round % 2 === 0 ? builds : [...builds].reverse();
  for (const x of order) {
    console.error(`round ${round + 1} of ${ROUNDS}: ${x.label} (${x.commit.slice(0, 9)}) …`);
    process.env.BENCH_DIST = x.dist;
    x.runs.push(figures(await runBrowserBenches()));
  }
}

const kib = (n) => (n / 1024).toFixed(1);
const num = (x) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(Math.abs(x) >= 10 ? 1 : 2));
const ratio = (x, y) => (x === 0 ? '—' : `${(y / x).toFixed(3)}×`);
const rows = [];
for (const x of builds) x.sizes = sizes(x.dist);
const sizeRow = (name, pick) => {
  const [sa, sb] = builds.map((x) => pick(x.sizes) / 1024);
  rows.push([name, kib(sa * 1024), kib(sb * 1024), `${sb - sa >= 0 ? '+' : ''}${(sb - sa).toFixed(1)}`, ratio(sa, sb), '']);
};
sizeRow('first load, brotli KiB', (s) => s.total.brotli);
sizeRow('… of which the page\'s wasm, brotli KiB', (s) => s.rows.find((r) => r.name === 'pooled-budgets-first_bg.wasm')?.brotli
  ?? s.rows.find((r) => r.name === 'pooled-budgets_bg.wasm')?.brotli ?? NaN);
sizeRow('the modeller\'s wasm, brotli KiB', (s) => s.rows.find((r) => r.name === 'pooled-budgets_bg.wasm')?.brotli ?? NaN);
sizeRow('first load, raw KiB', (s) => s.total.raw);
sizeRow('on demand (the simulation\'s worker), brotli KiB', (s) => s.onDemand.brotli);
for (const name of Object.keys(builds[0].runs[0])) {
  const [ra, rb] = builds.map((x) => x.runs.map((r) => r[name]));
  const [ma, mb] = [median(ra), median(rb)];
  rows.push([name, num(ma), num(mb), `${mb - ma >= 0 ? '+' : ''}${num(mb - ma)}`, ratio(ma, mb),
    `A ${ra.map(num).join(', ')}; B ${rb.map(num).join(', ')}`]);
}

const head = ['measure', `A ${a.slice(0, 9)}`, `B ${b.slice(0, 9)}`, 'B − A', 'B ÷ A', `each round (${ROUNDS})`];
console.log(`\nA = ${revA} (${a.slice(0, 9)}), B = ${revB} (${b.slice(0, 9)}); sizes once, the rest medians of ${ROUNDS} rounds run in turns\n`);
console.log(`| ${head.join(' | ')} |`);
console.log(`|---|${head.slice(1).map(() => '---:').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
const out = resolve(COMPARE, `${a.slice(0, 9)}-${b.slice(0, 9)}.json`);
writeFileSync(out, JSON.stringify({ a: { rev: revA, commit: a, runs: builds[0].runs },
  b: { rev: revB, commit: b, runs: builds[1].runs }, measures: process.env.BENCH_MEASURES }, null, 2));
console.log(`\n(JSON: ${out})`);
