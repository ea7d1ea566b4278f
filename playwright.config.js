// Browser tests: Playwright driving Debian's Chromium (Playwright's own browser download is not
// reachable from these machines) against the release build in dist/, served on 127.0.0.1. Every
// server sends the strict content security policy of docs/embedding.md, so every test also
// checks that the app runs under it (tests/e2e/support.js fails a test on any violation).
import { mkdirSync, writeFileSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

import {
  PORT, SUBPATH_PORT, SUBPATH, EMBED_PORT, HOST_PORT, OTHER_HOST_PORT, HOST_ORIGIN,
  OTHER_HOST_ORIGIN, csp,
} from './tests/e2e/ports.js';

// The embedding site's own embed-config.json: it trusts the host page's origin (whose port can
// be overridden, so the file is written here rather than kept as a fixture).
const SITE = 'tests/e2e/output/embed-site';
mkdirSync(SITE, { recursive: true });
writeFileSync(`${SITE}/embed-config.json`, `${JSON.stringify({ hostOrigins: [HOST_ORIGIN] }, null, 2)}\n`);

const serve = (args, url) => ({
  command: `node scripts/serve-dist.mjs ${args}`,
  url,
  reuseExistingServer: false,
  timeout: 20_000,
});

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'tests/e2e/output/results',
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: [
    serve(`--root dist --port ${PORT} --header "Content-Security-Policy: ${csp("'none'")}"`,
      `http://127.0.0.1:${PORT}/`),
    // The same files under a sub-path, as an intranet web server would host them.
    serve(`--root dist --port ${SUBPATH_PORT} --base ${SUBPATH} --header "Content-Security-Policy: ${csp("'none'")}"`,
      `http://127.0.0.1:${SUBPATH_PORT}${SUBPATH}`),
    // Hosted for embedding: framed by the host pages below, with the site's own config and brand.
    // The untrusted origin may frame it too, to show that framing alone earns no messages.
    serve(`--root dist --port ${EMBED_PORT} --base ${SUBPATH} --file embed-config.json=${SITE}/embed-config.json `
      + '--file theme.css=tests/e2e/fixtures/theme.css '
      + `--header "Content-Security-Policy: ${csp(`${HOST_ORIGIN} ${OTHER_HOST_ORIGIN}`)}"`,
    `http://127.0.0.1:${EMBED_PORT}${SUBPATH}`),
    // Host pages: an intranet article (trusted) and a page on another origin (not trusted).
    serve(`--root tests/e2e/fixtures/host --port ${HOST_PORT}`, `${HOST_ORIGIN}/host.html`),
    serve(`--root tests/e2e/fixtures/host --port ${OTHER_HOST_PORT}`, `${OTHER_HOST_ORIGIN}/host.html`),
  ],
});
