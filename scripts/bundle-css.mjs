// One stylesheet for the built page instead of one per concern.
//
//   node scripts/bundle-css.mjs [dist]
//
// Trunk copies each of styles/*.css into dist/ with its own <link> and integrity hash. A page
// that asks for eleven style sheets pays for eleven requests before its first paint; with the
// CPU slowed 4× (an old council laptop) issuing and answering them took about 60 ms of the main
// thread (docs/benchmarks.md, issue #18). This joins the sheets Trunk wrote, in the page's order,
// into one file (dist/pooled-budgets.css, each part headed by its source's name), gives it its
// own integrity hash and removes the parts. The sources stay one file per concern, and
// `make serve` (Trunk's development server) still serves them one by one.
//
// theme.css is not touched: it is the host's to edit, so it stays a separate, unhashed file
// loaded last (docs/embedding.md).
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const BUNDLE = 'pooled-budgets.css';
const pagePath = join(dist, 'index.html');
const page = readFileSync(pagePath, 'utf8');
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

// Trunk's output for `<link data-trunk rel="css" href="styles/X.css">`.
const LINK = /^[ \t]*<link rel="stylesheet" href="\.\/([\w-]+\.css)" integrity="(sha384-[^"]+)"\/?>[ \t]*\n/gm;
const parts = [...page.matchAll(LINK)];
if (parts.some(([, name]) => name === BUNDLE)) process.exit(0); // already bundled
if (parts.length === 0) throw new Error(`no Trunk style sheets found in ${pagePath}`);
// They must be one run of lines, so the bundle keeps their place before theme.css.
const first = parts[0].index;
const last = parts[parts.length - 1];
if (page.slice(first, last.index + last[0].length) !== parts.map((p) => p[0]).join('')) {
  throw new Error(`the style sheets in ${pagePath} are not one run of <link> lines`);
}

const texts = parts.map(([, name, integrity]) => {
  const bytes = readFileSync(join(dist, name));
  if (sri(bytes) !== integrity) throw new Error(`${name} does not match its integrity hash in ${pagePath}`);
  return `/* ${name} */\n${bytes.toString('utf8').trimEnd()}\n`;
});
const bundle = Buffer.from(texts.join('\n'), 'utf8');
writeFileSync(join(dist, BUNDLE), bundle);
const indent = parts[0][0].match(/^[ \t]*/)[0];
const link = `${indent}<link rel="stylesheet" href="./${BUNDLE}" integrity="${sri(bundle)}"/>\n`;
writeFileSync(pagePath, page.slice(0, first) + link + page.slice(last.index + last[0].length));
for (const [, name] of parts) rmSync(join(dist, name));
console.log(`${BUNDLE}: ${parts.length} style sheets, ${bundle.length} bytes`);
