// Writes dist/view.html: the page a host embeds to show a shared model read-only
// (docs/embedding.md). It is the built index.html (the same styles, theme, loader and content
// security policy needs) with the viewer's glue and wasm preloaded instead of the first screen's,
// and the loader told to start the viewer. Run by `make dist` after scripts/bundle-css.mjs.
//
//   node scripts/viewer-page.mjs [dist]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
let page = readFileSync(join(dist, 'index.html'), 'utf8');

// Each change must find its text exactly once: a page that has moved on fails the build here
// rather than shipping a viewer that quietly loads the modeller.
const CHANGES = [
  ['<title>Pooled budget modeller</title>', '<title>Shared pooled budget model</title>'],
  ['<link rel="modulepreload" href="pooled-budgets-first.js">',
    '<link rel="modulepreload" href="pooled-budgets-viewer.js">'],
  ['<link rel="preload" href="pooled-budgets-first_bg.wasm"',
    '<link rel="preload" href="pooled-budgets-viewer_bg.wasm"'],
  ['Loading the pooled budget modeller…', 'Loading the shared model…'],
  ['<script type="module" async src="loader.js"></script>',
    '<script type="module" async src="loader.js" data-app="pooled-budgets-viewer"></script>'],
];
for (const [from, to] of CHANGES) {
  const found = page.split(from).length - 1;
  if (found !== 1) throw new Error(`${join(dist, 'index.html')}: expected "${from}" once, found it ${found} times`);
  page = page.replace(from, to);
}
writeFileSync(join(dist, 'view.html'), page);
