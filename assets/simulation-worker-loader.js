// Starts the simulation's own wasm inside a dedicated Web Worker (src/worker.rs). The page
// creates this worker from its own folder only when someone runs a simulation (never a blob:
// URL, which a strict content security policy blocks), reuses it for the next run, and
// terminates it to cancel. Messages to the page:
//   {type: 'ready'}                          the wasm has started; requests may follow
//   {type: 'progress', done, total}          draws done so far, over all options
//   {type: 'done', results, parts}           results (Uint8Array, codec::simulation_wire), and
//                                            how many workers settled the draws (for tests)
//   {type: 'failed', message}                the model cannot be simulated: why, in words
//   {type: 'broken', message}                the worker itself could not start or stopped
// A request from the page is a link body (Uint8Array). Classic worker script (importScripts),
// so it runs in every browser the app supports.
//
// On a machine with several cores this worker splits each run between PARTS nested workers of
// this same script (named 'simulation-part k'): each runs the one random stream in full but
// settles only draw k, k + PARTS, …; this worker adds up their progress and merges their draws
// into exactly the results one worker would give (docs/uncertainty.md, "Where it runs").
// Terminating this worker stops them too. A part that cannot start, or stops, is not needed:
// this worker does its share itself. This worker compiles the wasm once and posts the module
// to its parts (their code, and the browser's optimised code for it, is then shared), or null
// if the browser cannot post a module (a part then fetches the wasm itself). To a part:
//   {type: 'wasm', module}                   the compiled wasm (WebAssembly.Module), or null
//   {type: 'part', request, part, of}        a share of a run
// and the part answers with 'ready', 'progress' (of its own draws), 'failed', 'broken' as
// above, or {type: 'part', bytes} (its draws, codec::simulation_part).
'use strict';

const PART_NAME = 'simulation-part';
const IS_PART = self.name.startsWith(PART_NAME);
// One part per core, up to four; one core runs the whole simulation here, as before.
const PARTS = IS_PART || typeof Worker === 'undefined'
  ? 1 : Math.min(4, Math.max(1, Math.floor(self.navigator.hardwareConcurrency) || 1));
const PROGRESS_MS = 50;

let ready = false;
const waiting = [];
let running = false;
// The nested workers (started with this one, so their scripts load while it compiles the wasm),
// and those that could not start or stopped (their share is done here).
const parts = [];
const brokenParts = new Set();

function message(error) {
  return String(error && error.message ? error.message : error);
}

function broken(error) {
  self.postMessage({ type: 'broken', message: message(error) });
}

/** Calls `simulate`-like `call`; posts what goes wrong, and returns undefined then. */
function attempt(call) {
  try {
    return call();
  } catch (error) {
    // The wasm's panics abort at once (a trap): the instance cannot be trusted after one.
    if (error instanceof WebAssembly.RuntimeError) broken(error);
    else self.postMessage({ type: 'failed', message: String(error) });
    return undefined;
  }
}

function runWhole(request) {
  const results = attempt(() => wasm_bindgen.simulate(request, (done, total) => {
    self.postMessage({ type: 'progress', done, total });
  }));
  if (results) self.postMessage({ type: 'done', results, parts: 1 }, [results.buffer]);
}

function runPart({ request, part, of }) {
  const bytes = attempt(() => wasm_bindgen.simulate_part(request, part, of, (done, total) => {
    self.postMessage({ type: 'progress', done, total });
  }));
  if (bytes) self.postMessage({ type: 'part', bytes }, [bytes.buffer]);
}

function startParts() {
  for (let k = 0; k < PARTS; k += 1) {
    let worker;
    try {
      worker = new Worker('./simulation-worker-loader.js', { name: `${PART_NAME} ${k}` });
    } catch (error) {
      // Refused at once (a policy, in some browsers): one worker does it all.
      console.warn(`pooled-budgets: a part of the simulation could not start: ${message(error)}`);
      parts.splice(0).forEach((w) => w.terminate());
      return;
    }
    parts.push(worker);
    worker.onmessage = between(k);
    worker.onerror = (event) => {
      // Handled here: a part's error is not this worker's.
      event.preventDefault();
      partBroken(k, event.message || 'simulation-worker-loader.js could not be loaded');
    };
  }
}

/** What a part may say between runs: only that it could not start. */
function between(k) {
  return (event) => {
    if (event.data && event.data.type === 'broken') partBroken(k, event.data.message);
  };
}

let onPartBroken = null;
function partBroken(k, words) {
  if (brokenParts.has(k)) return;
  brokenParts.add(k);
  console.warn(`pooled-budgets: part ${k} of the simulation stopped (its share is done by another): ${words}`);
  const worker = parts[k];
  if (worker) {
    worker.onmessage = null;
    worker.onerror = null;
    worker.terminate();
  }
  if (onPartBroken) onPartBroken(k);
}

/** The run split between the parts; `finished` when it is over, however it ended. */
function runSplit(request, finished) {
  const of = parts.length;
  const outcomes = new Array(of);
  const done = new Array(of).fill(0);
  const totals = new Array(of).fill(-1);
  let left = of;
  let over = false;
  let posted = -Infinity;

  const progress = () => {
    if (totals.some((t) => t < 0)) return;
    const sum = done.reduce((a, b) => a + b, 0);
    const total = totals.reduce((a, b) => a + b, 0);
    const now = Date.now();
    if (now - posted >= PROGRESS_MS || sum === total) {
      posted = now;
      self.postMessage({ type: 'progress', done: sum, total });
    }
  };
  const end = () => {
    over = true;
    onPartBroken = null;
    parts.forEach((worker, k) => { if (!brokenParts.has(k)) worker.onmessage = between(k); });
    finished();
  };
  const settle = (k, bytes) => {
    if (over || outcomes[k]) return;
    outcomes[k] = bytes;
    left -= 1;
    if (left > 0) return;
    const results = attempt(() => wasm_bindgen.merge_parts(request, outcomes));
    // The parts that did their share, and this worker if it did any.
    const settled = of - brokenParts.size + (brokenParts.size > 0 ? 1 : 0);
    if (results) self.postMessage({ type: 'done', results, parts: settled }, [results.buffer]);
    end();
  };
  // A part that cannot do its share: this worker does it (the same draws, so the same figures).
  const here = (k) => {
    if (over || outcomes[k]) return;
    const bytes = attempt(() => wasm_bindgen.simulate_part(request, k, of, (d, t) => {
      done[k] = d;
      totals[k] = t;
      progress();
    }));
    if (bytes) settle(k, bytes);
    else end();
  };
  onPartBroken = (k) => {
    // Heard between two messages, never inside a part's run here: start it on its own turn.
    setTimeout(() => here(k), 0);
  };

  parts.forEach((worker, k) => {
    if (brokenParts.has(k)) return;
    worker.onmessage = (event) => {
      const data = event.data || {};
      if (over) return;
      if (data.type === 'progress') {
        done[k] = data.done;
        totals[k] = data.total;
        progress();
      } else if (data.type === 'part') {
        settle(k, data.bytes);
      } else if (data.type === 'failed') {
        self.postMessage({ type: 'failed', message: data.message });
        end();
      } else if (data.type === 'broken') {
        partBroken(k, data.message);
      }
    };
    worker.postMessage({ type: 'part', request, part: k, of });
  });
  for (const k of brokenParts) onPartBroken(k);
}

function run(request) {
  if (running) {
    waiting.push(request);
    return;
  }
  const next = () => {
    running = false;
    if (waiting.length > 0) run(waiting.shift());
  };
  if (IS_PART) {
    runPart(request);
  } else if (parts.length > brokenParts.size) {
    running = true;
    runSplit(request, next);
  } else {
    runWhole(request);
  }
}

const WASM = './simulation-worker_bg.wasm';

/** Starts the wasm from `module_or_path`, then runs what was asked meanwhile. */
function start(module_or_path) {
  return wasm_bindgen({ module_or_path }).then(() => {
    ready = true;
    self.postMessage({ type: 'ready' });
    const queued = waiting.splice(0);
    queued.forEach(run);
  });
}

/** The wasm compiled once, for this worker and its parts (whatever type the server gives it). */
async function compile() {
  const response = await fetch(WASM);
  if (!response.ok) throw new Error(`${WASM} could not be fetched: ${response.status} ${response.statusText}`);
  return WebAssembly.compile(await response.arrayBuffer());
}

function shareModule(module) {
  parts.forEach((worker, k) => {
    if (brokenParts.has(k)) return;
    try {
      worker.postMessage({ type: 'wasm', module });
    } catch {
      // A browser that cannot post a module: the part fetches the wasm itself.
      worker.postMessage({ type: 'wasm', module: null });
    }
  });
}

self.onmessage = (event) => {
  const data = event.data;
  if (IS_PART && data && data.type === 'wasm') {
    start(data.module || WASM).catch(broken);
  } else if (ready) {
    run(data);
  } else {
    waiting.push(data);
  }
};

try {
  if (PARTS > 1) startParts();
  importScripts('./simulation-worker.js');
  if (IS_PART) {
    // Waits for the module from the worker that started it ('wasm' above).
  } else if (parts.length > 0) {
    compile().then((module) => {
      shareModule(module);
      return start(module);
    }).catch(broken);
  } else {
    start(WASM).catch(broken);
  }
} catch (error) {
  broken(error);
}
