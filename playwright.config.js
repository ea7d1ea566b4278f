// Browser tests: Playwright driving Debian's Chromium (Playwright's own browser download is not
// reachable from these machines) against the release build in dist/, served on 127.0.0.1.
import { defineConfig } from '@playwright/test';

import { PORT, SUBPATH_PORT, SUBPATH } from './tests/e2e/ports.js';

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
    {
      command: `node scripts/serve-dist.mjs --root dist --port ${PORT}`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      // The same files under a sub-path, as an intranet web server would host them.
      command: `node scripts/serve-dist.mjs --root dist --port ${SUBPATH_PORT} --base ${SUBPATH}`,
      url: `http://127.0.0.1:${SUBPATH_PORT}${SUBPATH}`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
  ],
});
