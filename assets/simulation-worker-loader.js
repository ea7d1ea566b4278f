// Starts the simulation's own wasm inside a dedicated Web Worker (src/worker.rs). The page
// creates this worker from its own folder only when someone runs a simulation (never a blob:
// URL, which a strict content security policy blocks), reuses it for the next run, and
// terminates it to cancel. Messages to the page:
//   {type: 'ready'}                          the wasm has started; requests may follow
//   {type: 'progress', done, total}          draws done so far, over all options
//   {type: 'done', results}                  results (Uint8Array, codec::simulation_wire)
//   {type: 'failed', message}                the model cannot be simulated: why, in words
//   {type: 'broken', message}                the worker itself could not start or stopped
// A request from the page is a link body (Uint8Array). Classic worker script (importScripts),
// so it runs in every browser the app supports.
'use strict';

let ready = false;
const waiting = [];

function broken(error) {
  self.postMessage({ type: 'broken', message: String(error && error.message ? error.message : error) });
}

function run(request) {
  let results;
  try {
    results = wasm_bindgen.simulate(request, (done, total) => {
      self.postMessage({ type: 'progress', done, total });
    });
  } catch (error) {
    // The wasm's panics abort at once (a trap): the instance cannot be trusted after one.
    if (error instanceof WebAssembly.RuntimeError) broken(error);
    else self.postMessage({ type: 'failed', message: String(error) });
    return;
  }
  self.postMessage({ type: 'done', results }, [results.buffer]);
}

self.onmessage = (event) => {
  if (ready) run(event.data);
  else waiting.push(event.data);
};

try {
  importScripts('./simulation-worker.js');
  wasm_bindgen({ module_or_path: './simulation-worker_bg.wasm' }).then(() => {
    ready = true;
    self.postMessage({ type: 'ready' });
    waiting.splice(0).forEach(run);
  }, broken);
} catch (error) {
  broken(error);
}
