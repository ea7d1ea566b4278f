// The cross-browser suite: the main flows in Firefox ESR (geckodriver) and WebKitGTK
// (WebKitWebDriver, the engine behind Safari), driven over WebDriver with selenium-webdriver,
// against the release build in dist/ served with the strict content security policy. Playwright
// drives Chromium in tests/e2e/; it cannot download its own Firefox or WebKit here.
//
//   node tests/xbrowser/run.mjs                 both engines
//   node tests/xbrowser/run.mjs firefox         one engine (firefox or webkit)
//   XBROWSER_PORT=4291                          the app's server; the drivers take the next two,
//                                               the embedding app and its host page the two after
//
// WebKitWebDriver needs a display: run under xvfb-run when there is none (the Makefile does).
// One browser session per engine is shared by the checks; each check starts from a known page.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder, Key } from 'selenium-webdriver';

import { csp } from '../e2e/ports.js';

const PORT = Number(process.env.XBROWSER_PORT ?? 4291);
const APP = `http://127.0.0.1:${PORT}/`;
// Embedding: the app under a sub-path, framed by an intranet page on another origin.
const EMBED_PORT = PORT + 3;
const HOST_PORT = PORT + 4;
const EMBED_APP = `http://127.0.0.1:${EMBED_PORT}/tools/pooling/`;
const HOST_ORIGIN = `http://127.0.0.1:${HOST_PORT}`;
const REPORTS = '/__csp-report';
const TIMEOUT = 30_000;

// --- processes: the app's server and the WebDriver servers ----------------------------------

const children = [];
const reports = [];
function start(command, args, { ready, env } = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  children.push(child);
  let output = '';
  const onData = (chunk) => {
    output += chunk;
    for (const line of String(chunk).split('\n')) if (line.startsWith('report: ')) reports.push(line.slice(8));
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const poll = async () => {
      if (child.exitCode !== null) { reject(new Error(`${command} exited: ${output}`)); return; }
      if (await ready().catch(() => false)) { resolve({ child, output: () => output }); return; }
      if (Date.now() - t0 > TIMEOUT) { reject(new Error(`${command} did not start: ${output}`)); return; }
      setTimeout(poll, 200);
    };
    poll();
  });
}
const answers = (url) => async () => (await fetch(url)).status < 500;
function stopAll() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}
process.on('exit', stopAll);
process.on('SIGINT', () => { stopAll(); process.exit(130); });

// --- the engines -------------------------------------------------------------------------------

const ENGINES = {
  firefox: {
    driver: process.env.GECKODRIVER ?? 'geckodriver',
    driverArgs: (port) => [`--port=${port}`, '--host=127.0.0.1', '--log=error'],
    capabilities: (downloads) => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
        args: ['-headless'],
        prefs: {
          // Downloads go straight into a folder the suite reads, without asking.
          'browser.download.folderList': 2,
          'browser.download.dir': downloads,
          'browser.download.useDownloadDir': true,
          'browser.download.always_ask_before_handling_new_types': false,
          'browser.helperApps.neverAsk.saveToDisk': 'application/json,text/csv',
          'browser.download.manager.showWhenStarting': false,
          // The downloads panel would take the keyboard focus from the page.
          'browser.download.alwaysOpenPanel': false,
          // No network except the app's own server.
          'network.captive-portal-service.enabled': false,
          'app.update.enabled': false,
        },
      },
    }),
    realDownloads: true,
  },
  webkit: {
    driver: process.env.WEBKIT_DRIVER ?? 'WebKitWebDriver',
    driverArgs: (port) => [`--port=${port}`, '--host=127.0.0.1'],
    capabilities: () => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: process.env.MINIBROWSER ?? miniBrowser(),
        args: ['--automation'],
      },
    }),
    // WebKitWebDriver has no download preferences: the suite catches the Blob the app makes.
    realDownloads: false,
  },
};

function miniBrowser() {
  for (const dir of ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib']) {
    for (const api of ['webkit2gtk-4.1', 'webkit2gtk-4.0', 'webkitgtk-6.0']) {
      const path = `${dir}/${api}/MiniBrowser`;
      try { if (statSync(path).isFile()) return path; } catch { /* next */ }
    }
  }
  return 'MiniBrowser';
}

// --- page helpers: everything runs in the page, found the way a person names it --------------

// Helpers defined in the page for each script: a fieldset by its legend, a field by its label
// inside a root, a button by its text, a table by its caption and a row by its first cell.
const FIND = `
const text = (el) => (el.textContent || '').replace(/\\s+/g, ' ').trim();
const fieldset = (start) => [...document.querySelectorAll('fieldset')].find((f) => f.querySelector('legend') && text(f.querySelector('legend')).startsWith(start));
const field = (root, label) => {
  const l = [...(root || document).querySelectorAll('label')].find((x) => text(x) === label);
  return l && (l.control || document.getElementById(l.htmlFor));
};
const button = (name) => [...document.querySelectorAll('button')].find((b) => text(b) === name);
const table = (start) => [...document.querySelectorAll('table')].find((t) => t.caption && text(t.caption).startsWith(start));
const row = (t, start) => t && [...t.querySelectorAll('tbody tr')].find((r) => text(r).startsWith(start));
`;

class Page {
  constructor(driver, engine) { this.driver = driver; this.engine = engine; }

  /** Runs `body` (a function body using FIND's helpers and `args`) in the page. */
  run(body, ...args) { return this.driver.executeScript(`${FIND}\n${body}`, ...args); }

  /** Polls `probe` (async, in the test) until it gives something truthy. */
  async until(what, probe, timeout = TIMEOUT) {
    const t0 = Date.now();
    let last;
    for (;;) {
      try { last = await probe(); if (last) return last; } catch (e) { last = e.message; }
      if (Date.now() - t0 > timeout) {
        throw new Error(`timed out waiting for ${typeof what === 'function' ? what() : what} (last: ${last})`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  /** Polls a page script until it returns something truthy. */
  untilPage(what, body, ...args) { return this.until(what, () => this.run(body, ...args)); }

  /** An element from a page script that returns it, once it exists. */
  element(what, body, ...args) { return this.untilPage(what, body, ...args); }

  /** Opens the app; `clear` first empties this origin's storage, for the first-visit model. */
  async open(url = APP, { clear = false } = {}) {
    await this.driver.get(url);
    if (clear) {
      await this.untilPage('the app to start', "return !document.getElementById('pb-loading');");
      await this.run('localStorage.clear(); sessionStorage.clear();');
      await this.driver.get('about:blank');
      await this.driver.get(url);
    }
    await this.untilPage('the app to render', `
      return !document.getElementById('pb-loading') && !!document.querySelector('main h1');`);
    await this.noCrash();
    // The checks use the models, share and files panels, behind "Models and files".
    await this.run(`const t = document.getElementById('models-toggle');
      if (t && t.getAttribute('aria-expanded') === 'false') t.click();`);
  }

  async noCrash() {
    const crash = await this.run(`const c = document.getElementById('pb-crash'); return c ? text(c) : null;`);
    if (crash) throw new Error(`the app crashed: ${crash}`);
    const errors = await this.run('return window.__xbErrors || [];');
    if (errors.length) throw new Error(`errors in the page: ${errors.join('; ')}`);
    if (reports.length) throw new Error(`content security policy reports: ${reports.join('\n')}`);
  }

  /** From now until the next navigation, uncaught errors and console.error calls are kept. */
  watchErrors() {
    return this.run(`
      if (window.__xbErrors) return;
      window.__xbErrors = [];
      addEventListener('error', (e) => window.__xbErrors.push('error: ' + e.message));
      addEventListener('unhandledrejection', (e) => window.__xbErrors.push('rejection: ' + e.reason));
      addEventListener('securitypolicyviolation', (e) => window.__xbErrors.push('CSP: ' + e.violatedDirective + ' ' + e.blockedURI));
      const error = console.error.bind(console);
      console.error = (...a) => { window.__xbErrors.push('console.error: ' + a.join(' ')); error(...a); };`);
  }

  /** Types into a field with the keyboard and leaves it with Tab, as a person does. */
  async type(element, value) {
    await element.click();
    await element.sendKeys(Key.chord(Key.CONTROL, 'a'), Key.BACK_SPACE);
    await element.sendKeys(value, Key.TAB);
  }

  /** Focuses a button and presses Enter on it. */
  async press(element) {
    await this.driver.executeScript('arguments[0].focus();', element);
    await element.sendKeys(Key.ENTER);
  }

  rowText(caption, start) {
    return this.run('const r = row(table(arguments[0]), arguments[1]); return r ? text(r) : null;', caption, start);
  }
}

// --- the checks ----------------------------------------------------------------------------------

const SMALL_LINK = readFileSync('tests/golden/link-v1-small.txt', 'utf8').trim();

const CHECKS = [
  ['the app loads under the strict policy with no errors', async (page) => {
    await page.open();
    await page.watchErrors();
    const h1 = await page.run("return text(document.querySelector('main h1'));");
    if (h1 !== 'Pooled budget modeller') throw new Error(`main h1 says ${h1}`);
    // The policy came with the page, and the wasm ran under it ('wasm-unsafe-eval' only).
    const loaded = await page.run("return [...document.styleSheets].length > 0 && typeof WebAssembly === 'object';");
    if (!loaded) throw new Error('no stylesheets or no WebAssembly');
    await new Promise((r) => setTimeout(r, 500)); // let any late report arrive
    await page.noCrash();
    // The policy is enforced and its reports reach the server, so their absence above means
    // something: an inline style is refused, and reported.
    await page.run(`const s = document.createElement('style'); s.textContent = 'main { outline: 1px solid red; }';
      document.head.appendChild(s);`);
    await page.until('the report of a refused inline style', () => reports.some((r) => r.includes('style-src')), 10_000);
    reports.length = 0;
    await page.run('window.__xbErrors = [];');
  }],

  ['a model built and edited with the keyboard gives its figures to the penny', async (page) => {
    await page.open(APP, { clear: true });
    await page.watchErrors();
    const template = await page.element('the template chooser', "return field(document, 'Start a new model from');");
    await page.driver.executeScript(`
      const s = arguments[0];
      s.value = [...s.options].find((o) => o.text === 'A blank model').value;
      s.dispatchEvent(new Event('change', { bubbles: true }));`, template);
    await page.press(await page.element('Create', "return button('Create');"));
    await page.press(await page.element('Add a partner', "return button('Add a partner');"));
    const name = await page.element('partner 1 name', "const f = fieldset('Partner 1:'); return f && field(f, 'Name');");
    await page.type(name, 'Hackney Council');
    await page.untilPage('the partner renamed', "return fieldset('Partner 1: Hackney Council');");
    await page.press(await page.element('Add a pool', "return button('Add a pool');"));
    await page.press(await page.element('Add a contribution', "return button('Add a contribution');"));
    const amount = await page.element('contribution 1 amount',
      "const f = fieldset('Contribution 1:'); return f && field(f, 'Amount each year, in pounds');");
    // £250,000 a year for the model's three years: £750,000.00 to the penny.
    await page.type(amount, '250,000');
    await page.until('Hackney Council to pay £750,000.00', async () =>
      (await page.rowText('What each partner pays', 'Hackney Council'))?.includes('£750,000.00'));
    // And £1,234.56 a year: 3 × £1,234.56 = £3,703.68.
    await page.type(amount, '1234.56');
    await page.until('Hackney Council to pay £3,703.68', async () =>
      (await page.rowText('What each partner pays', 'Hackney Council'))?.includes('£3,703.68'));
    const shown = await page.driver.executeScript('return arguments[0].value;', amount);
    if (shown !== '1,234.56') throw new Error(`the amount shows as ${shown}`);
    await page.noCrash();
  }],

  ['a share link opens in a fresh session with its figures', async (page, engine, ctx) => {
    // A new browser session (geckodriver holds one at a time): its own empty profile.
    await ctx.restart();
    const fresh = ctx.page;
    {
      await fresh.open(`${APP}#${SMALL_LINK}`);
      await fresh.watchErrors();
      await fresh.untilPage('the opened message', `
        return [...document.querySelectorAll('[role=alert]')].some((a) => text(a).includes('Opened the shared model ‘Small example’'));`);
      const name = await fresh.run("return field(document, 'Name of the open model').value;");
      if (name !== 'Small example') throw new Error(`the open model is named ${name}`);
      const expected = JSON.parse(readFileSync('tests/xbrowser/small-link-figures.json', 'utf8'));
      for (const [partner, figures] of Object.entries(expected)) {
        const text = await fresh.until(`${partner}'s row`, () => fresh.rowText('What each partner pays', partner));
        for (const figure of figures) {
          if (!text.includes(figure)) throw new Error(`${partner}: expected ${figure} in “${text}”`);
        }
      }
      const hash = await fresh.run('return location.hash;');
      if (hash !== '') throw new Error(`the fragment was left in the address: ${hash.slice(0, 20)}…`);
      await fresh.noCrash();
    }
  }],

  ['options compare side by side with a chart', async (page) => {
    await page.open(APP, { clear: true });
    await page.watchErrors();
    await page.press(await page.element('Compare options side by side', "return button('Compare options side by side');"));
    await page.untilPage('the comparison heading', `
      const h = [...document.querySelectorAll('h1, h2')].find((x) => text(x).startsWith('Compare options'));
      return h && document.activeElement === h;`);
    await page.untilPage('the net cost table', "return table('Net cost by partner') && row(table('Net cost by partner'), '');");
    const chart = await page.untilPage('a chart drawn', `
      const svg = [...document.querySelectorAll('figure svg')].find((s) => s.getBoundingClientRect().width > 100
        && s.querySelectorAll('rect, path, line').length > 3);
      return svg ? Math.round(svg.getBoundingClientRect().width) : 0;`);
    if (!(chart > 100)) throw new Error(`chart width ${chart}`);
    await page.noCrash();
  }],

  ['a model file and a CSV file are downloaded', async (page, engine, ctx) => {
    const { downloads } = engine;
    await page.open(APP, { clear: true });
    await page.watchErrors();
    if (!engine.realDownloads) {
      // Keep each Blob the app turns into a download link, and the <a download> it clicks.
      await page.run(`
        window.__xbFiles = [];
        const blobs = new Map();
        const make = URL.createObjectURL;
        URL.createObjectURL = (blob) => { const url = make.call(URL, blob); blobs.set(url, blob); return url; };
        const click = HTMLAnchorElement.prototype.click;
        HTMLAnchorElement.prototype.click = function () {
          const blob = blobs.get(this.href);
          if (this.download && blob) {
            const file = { name: this.download, type: blob.type, text: null };
            window.__xbFiles.push(file);
            blob.text().then((t) => { file.text = t; });
          }
          return click.call(this);
        };`);
    }
    const made = async (name, suffix) => {
      await page.press(await page.element(name, 'return button(arguments[0]);', name));
      await page.untilPage(`the message that the ${suffix} file was made`, `
        return [...document.querySelectorAll('[role=status], [aria-live]')].some((s) => /^Made ‘.*’/.test(text(s))
          && text(s).includes(arguments[0] + '’'));`, suffix);
      if (engine.realDownloads) {
        const holds = () => `a ${suffix} file in the downloads folder (it holds: ${readdirSync(downloads).join(', ') || 'nothing'})`;
        const file = await page.until(holds, () => {
          const found = readdirSync(downloads).find((f) => f.endsWith(suffix));
          return found && statSync(join(downloads, found)).size > 0 ? found : null;
        });
        return { name: file, text: readFileSync(join(downloads, file), 'utf8') };
      }
      return page.untilPage(`a ${suffix} Blob`, `
        const f = window.__xbFiles.find((x) => x.name.endsWith(arguments[0]) && x.text !== null);
        return f || null;`, suffix);
    };
    const model = await made('Download model file (.json)', '.json');
    const parsed = JSON.parse(model.text);
    ctx.modelFile = { text: model.text, modelName: parsed.name ?? parsed.model?.name };
    if (parsed.schema_version !== 5 && parsed.model?.schema_version !== 5) {
      throw new Error(`the model file has no schema_version 5: ${model.text.slice(0, 80)}`);
    }
    const csvButton = await page.run(`
      return [...document.querySelectorAll('.pb-files button')].map((b) => text(b)).find((t) => /partner/i.test(t) && /CSV/i.test(t));`);
    if (!csvButton) throw new Error('no partner results CSV button');
    const csv = await made(csvButton, '.csv');
    const lines = csv.text.replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
    if (lines.length < 2 || !/partner/i.test(lines[0])) throw new Error(`the CSV is not a table of partners: ${lines[0]}`);
    await page.noCrash();
  }],

  ['the model file just made opens through the file chooser', async (page, engine, ctx) => {
    if (!ctx.modelFile) throw new Error('no model file from the download check');
    const path = join(engine.downloads, 'chosen.json');
    writeFileSync(path, ctx.modelFile.text);
    await page.open(APP, { clear: true });
    await page.watchErrors();
    const input = await page.element('the file input', "return field(document, 'Open a model file (.json)');");
    await input.sendKeys(path);
    const said = await page.untilPage('the opened message', `
      const a = [...document.querySelectorAll('[role=alert]')].find((x) => text(x).includes('from the file as a new model'));
      return a ? text(a) : null;`);
    if (!said.includes(`Opened ‘${ctx.modelFile.modelName}’`)) throw new Error(`the app said: ${said}`);
    const models = await page.run("return document.querySelectorAll('section.pb-models li').length;");
    if (models !== 2) throw new Error(`${models} models listed, not 2`);
    await page.noCrash();
  }],

  ['a link is copied, or the browser\'s refusal explained, even with no Clipboard API', async (page) => {
    await page.open(APP, { clear: true });
    await page.watchErrors();
    const makeAndCopy = async () => {
      await page.press(await page.element('Make a link', "return button('Make a link to this model');"));
      const link = await page.untilPage('the link', "const f = field(document, 'Link to this model'); return f && f.value;");
      if (!/#m3\.[A-Za-z0-9_-]+$/.test(link)) throw new Error(`not a share link: ${link}`);
      await page.press(await page.element('Copy link', "return button('Copy link');"));
      return page.untilPage('the copy message', `
        const crash = document.getElementById('pb-crash');
        if (crash) return 'crashed: ' + text(crash);
        const s = [...document.querySelectorAll('[role=status]')].map(text).find((t) => /^(Link copied|This browser did not let)/.test(t));
        return s || null;`);
    };
    // WebDriver grants no clipboard permission: either answer is right, but it must be one.
    console.log(`       (clipboard: ${(await makeAndCopy()).split('.')[0]})`);
    // Over plain http on an intranet host (not a secure context) there is no navigator.clipboard.
    await page.run("Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });");
    const refused = await makeAndCopy();
    if (!refused.startsWith('This browser did not let the modeller copy')) throw new Error(`without the Clipboard API the app said: ${refused}`);
    await page.noCrash();
  }],

  ['embedded read-only in a page on another origin, the frame sized to the app', async (page) => {
    const app = `${EMBED_APP}?embed=1#${SMALL_LINK}`;
    await page.driver.get(`${HOST_ORIGIN}/host.html?app=${encodeURIComponent(app)}`);
    const frame = await page.element('the frame', "return document.getElementById('pooled-budgets');");
    await page.driver.switchTo().frame(frame);
    try {
      await page.untilPage('the embedded app', `
        return !document.getElementById('pb-loading') && document.querySelector('h1') && text(document.querySelector('h1')) === 'Small example';`);
      const readOnly = await page.run(`
        return !document.querySelector('header[role=banner], body > header') && !document.querySelector('input[type=text]')
          && [...document.querySelectorAll('p, div')].some((p) => text(p).startsWith('A shared model, read-only.'));`);
      if (!readOnly) throw new Error('the embed is not the read-only view');
      const stored = await page.run('return localStorage.length;');
      if (stored !== 0) throw new Error(`the embed stored ${stored} items`);
      await page.noCrash();
    } finally {
      await page.driver.switchTo().defaultContent();
    }
    // The app tells the host its height (ResizeObserver and postMessage): no scroll bar inside.
    const [height, inside] = await page.until('the frame sized to the app', async () => {
      const h = await page.run("return Number(document.getElementById('pooled-budgets').height);");
      let i;
      try {
        await page.driver.switchTo().frame(frame);
        i = await page.run('return Math.ceil(document.documentElement.getBoundingClientRect().height);');
      } finally {
        await page.driver.switchTo().defaultContent();
      }
      return h > 300 && Math.abs(h - i) <= 1 ? [h, i] : null;
    });
    const heard = await page.run(`return window.received.filter((m) => m.origin === arguments[0]
      && m.data && m.data.type === 'pooled-budgets:height').length;`, new URL(EMBED_APP).origin);
    if (!heard) throw new Error(`no height messages, yet the frame is ${height} for ${inside}`);
    if (reports.length) throw new Error(`content security policy reports: ${reports.join('\n')}`);
  }],

  ['the simulation runs in its workers, one per core, with the figures computed natively', async (page) => {
    const golden = JSON.parse(readFileSync('tests/golden/simulation-fifty-fifty.json', 'utf8'));
    // A document of its own (from another page, not a change of fragment), for a fresh worker.
    await page.driver.get('about:blank');
    await page.open(`${APP}#${golden.link}`);
    await page.watchErrors();
    // What the page's worker says when it is done: how many workers settled the draws (one,
    // or one per core up to four when the browser starts the worker's own workers).
    await page.run(`
      const Base = window.Worker;
      window.Worker = class extends Base {
        constructor(...args) {
          super(...args);
          this.addEventListener('message', (e) => { if (e.data.type === 'done') window.__xbParts = e.data.parts; });
        }
      };`);
    await page.press(await page.element('Compare options side by side', "return button('Compare options side by side');"));
    await page.press(await page.element('Run the simulation', "return button('Run the simulation');"));
    const names = golden.options[0].partners.map((p) => p.name);
    const figures = await page.untilPage('the simulation\'s results', `
      const t = table("Each partner's net cost over the plan, by option");
      return t && arguments[0].map((name) => [...row(t, name).querySelectorAll('td')].map(text));`, names);
    const expected = golden.options[0].partners.map((_, at) => golden.options.flatMap((o) => [o.partners[at].p50, o.partners[at].p90, o.partners[at].chance]));
    if (JSON.stringify(figures) !== JSON.stringify(expected)) {
      throw new Error(`figures ${JSON.stringify(figures)}, expected ${JSON.stringify(expected)}`);
    }
    const cores = await page.run('return navigator.hardwareConcurrency;');
    const parts = await page.run('return window.__xbParts;');
    const want = cores > 1 ? Math.min(4, cores) : 1;
    if (parts !== want) throw new Error(`${parts} workers settled the draws on ${cores} cores, expected ${want}`);
    await page.noCrash();
  }],

  ['the board paper: its print stylesheet is loaded and the print button is there', async (page) => {
    await page.open(APP, { clear: true });
    await page.watchErrors();
    await page.press(await page.element('Compare options side by side', "return button('Compare options side by side');"));
    await page.element('Print board paper', "return button('Print board paper');");
    // WebDriver cannot emulate print media; the print rules must at least be loaded and apply.
    const print = await page.run(`
      let rules = 0;
      for (const sheet of document.styleSheets) {
        let list; try { list = sheet.cssRules; } catch { continue; }
        for (const rule of list) if (rule.media && [...rule.media].includes('print')) rules += rule.cssRules.length;
      }
      return rules;`);
    if (!(print > 5)) throw new Error(`only ${print} print rules loaded`);
    const matches = await page.run("return matchMedia('print').matches === false && matchMedia('screen').matches;");
    if (!matches) throw new Error('media queries answer wrongly');
    await page.noCrash();
  }],
];

// --- running ----------------------------------------------------------------------------------------

let driverUrl;
async function newSession(engine) {
  const driver = await new Builder().usingServer(driverUrl).withCapabilities(engine.capabilities(engine.downloads)).build();
  await driver.manage().setTimeouts({ script: TIMEOUT, pageLoad: TIMEOUT });
  await driver.manage().window().setRect({ width: 1280, height: 900 }).catch(() => {});
  return new Page(driver, engine);
}

async function runEngine(name, engine, driverPort) {
  engine.downloads = mkdtempSync(join(tmpdir(), `xbrowser-${name}-`));
  const results = [];
  let server;
  try {
    server = await start(engine.driver, engine.driverArgs(driverPort), { ready: answers(`http://127.0.0.1:${driverPort}/status`) });
  } catch (e) {
    return [{ name: `${name}: start ${engine.driver}`, error: e }];
  }
  driverUrl = `http://127.0.0.1:${driverPort}`;
  const ctx = {
    page: null,
    async restart() {
      if (ctx.page) await ctx.page.driver.quit().catch(() => {});
      ctx.page = null;
      ctx.page = await newSession(engine);
    },
  };
  let page;
  try {
    await ctx.restart();
    page = ctx.page;
    const caps = await page.driver.getCapabilities();
    console.log(`${name}: ${caps.get('browserName')} ${caps.get('browserVersion')}`);
  } catch (e) {
    server.child.kill('SIGTERM');
    return [{ name: `${name}: start a session`, error: e }];
  }
  for (const [title, check] of CHECKS) {
    const t0 = Date.now();
    reports.length = 0;
    try {
      if (!ctx.page) await ctx.restart();
      await check(ctx.page, engine, ctx);
      results.push({ name: `${name}: ${title}` });
      console.log(`  ok   ${title} (${Date.now() - t0} ms)`);
    } catch (error) {
      results.push({ name: `${name}: ${title}`, error });
      console.log(`  FAIL ${title} (${Date.now() - t0} ms)\n       ${String(error.stack || error).split('\n').slice(0, 3).join('\n       ')}`);
    }
  }
  if (ctx.page) await ctx.page.driver.quit().catch(() => {});
  server.child.kill('SIGTERM');
  rmSync(engine.downloads, { recursive: true, force: true });
  return results;
}

const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(ENGINES);
const t0 = Date.now();
await start('node', ['scripts/serve-dist.mjs', '--root', process.env.XBROWSER_DIST ?? 'dist', '--port', String(PORT), '--reports', REPORTS,
  '--header', `Content-Security-Policy: ${csp("'none'")}; report-uri ${REPORTS}`], { ready: answers(APP) });
const site = mkdtempSync(join(tmpdir(), 'xbrowser-site-'));
writeFileSync(join(site, 'embed-config.json'), JSON.stringify({ hostOrigins: [HOST_ORIGIN] }));
await start('node', ['scripts/serve-dist.mjs', '--root', process.env.XBROWSER_DIST ?? 'dist', '--port', String(EMBED_PORT),
  '--base', '/tools/pooling/', '--file', `embed-config.json=${join(site, 'embed-config.json')}`, '--reports', REPORTS,
  '--header', `Content-Security-Policy: ${csp(HOST_ORIGIN)}; report-uri ${REPORTS}`], { ready: answers(EMBED_APP) });
await start('node', ['scripts/serve-dist.mjs', '--root', 'tests/e2e/fixtures/host', '--port', String(HOST_PORT)],
  { ready: answers(`${HOST_ORIGIN}/host.html`) });
const all = [];
for (const [i, name] of wanted.entries()) {
  if (!ENGINES[name]) { console.error(`unknown engine ${name}: firefox or webkit`); process.exit(2); }
  all.push(...await runEngine(name, ENGINES[name], PORT + 1 + i));
}
const failed = all.filter((r) => r.error);
console.log(`xbrowser: ${all.length - failed.length} of ${all.length} checks passed in ${Math.round((Date.now() - t0) / 1000)} s`);
for (const f of failed) console.log(`  failed: ${f.name}`);
stopAll();
rmSync(site, { recursive: true, force: true });
process.exit(failed.length ? 1 : 0);
