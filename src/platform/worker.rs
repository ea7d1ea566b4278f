//! The simulation's Web Worker: started from the app's own folder
//! (`simulation-worker-loader.js`, next to index.html, so it works from any sub-path and under
//! the strict policy of docs/embedding.md, which blocks `blob:` workers), with its own wasm
//! (src/worker.rs). See that loader for the messages.

/// What the worker says.
#[derive(Debug, PartialEq)]
pub enum WorkerMessage {
    /// Its wasm has started.
    Ready,
    /// Draws done so far, over all options.
    Progress { done: u64, total: u64 },
    /// The results, as `codec::simulation_wire` bytes.
    Done(Vec<u8>),
    /// The model cannot be simulated: why, in words for the person.
    Failed(String),
    /// The worker could not start (blocked, not found, not WebAssembly) or stopped: the
    /// browser's own words (already written to the console); the person gets [`CANNOT_START`].
    Broken(String),
}

/// The worker's script, relative to the page.
pub const SCRIPT: &str = "simulation-worker-loader.js";

/// What the person reads when the worker cannot start or stops: what is wrong, that nothing is
/// lost, and what to do.
pub const CANNOT_START: &str = "The simulation could not start: this browser did not load its \
    worker (simulation-worker-loader.js and simulation-worker_bg.wasm, next to this page). \
    Nothing you typed is lost, and everything else works. Reload the page and try again. If it \
    happens again and the modeller is on your organisation's intranet, ask the team that runs \
    it to allow workers from the modeller's own folder (worker-src 'self' in its content \
    security policy) and to serve .wasm files as application/wasm.";

/// A running worker; dropping it stops it at once (whatever it was doing).
pub struct SimulationWorker {
    #[cfg(target_arch = "wasm32")]
    worker: web_sys::Worker,
    #[cfg(target_arch = "wasm32")]
    _on_message: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::MessageEvent)>,
    #[cfg(target_arch = "wasm32")]
    _on_error: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::Event)>,
}

impl SimulationWorker {
    /// Starts the worker; `on_message` hears everything it says. `Err` with the browser's words
    /// (also written to the console) when it refuses at once (a policy that blocks workers, in
    /// some browsers); other failures arrive later as [`WorkerMessage::Broken`].
    pub fn start(on_message: impl Fn(WorkerMessage) + 'static) -> Result<SimulationWorker, String> {
        #[cfg(target_arch = "wasm32")]
        {
            use std::rc::Rc;
            use wasm_bindgen::closure::Closure;
            use wasm_bindgen::JsCast;
            let worker = web_sys::Worker::new(SCRIPT).map_err(|e| warn(describe(&e)))?;
            let on_message = Rc::new(on_message);
            let hear = on_message.clone();
            let message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
                move |event: web_sys::MessageEvent| hear(read(&event.data())),
            );
            let error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
                let words = event
                    .dyn_ref::<web_sys::ErrorEvent>()
                    .map(|e| e.message())
                    .filter(|m| !m.is_empty())
                    .unwrap_or_else(|| format!("{SCRIPT} could not be loaded"));
                on_message(WorkerMessage::Broken(warn(words)));
            });
            worker.set_onmessage(Some(message.as_ref().unchecked_ref()));
            worker.set_onerror(Some(error.as_ref().unchecked_ref()));
            Ok(SimulationWorker {
                worker,
                _on_message: message,
                _on_error: error,
            })
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = on_message;
            Err("workers need a browser".to_string())
        }
    }

    /// Asks for a run of the model in `request` (a link body); `Err` with the browser's words
    /// (also written to the console).
    pub fn post(&self, request: &[u8]) -> Result<(), String> {
        #[cfg(target_arch = "wasm32")]
        {
            let bytes = js_sys::Uint8Array::from(request);
            self.worker
                .post_message_with_transfer(&bytes, &js_sys::Array::of1(&bytes.buffer()))
                .map_err(|e| warn(describe(&e)))
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = request;
            Err("workers need a browser".to_string())
        }
    }
}

impl Drop for SimulationWorker {
    fn drop(&mut self) {
        #[cfg(target_arch = "wasm32")]
        {
            self.worker.set_onmessage(None);
            self.worker.set_onerror(None);
            self.worker.terminate();
        }
    }
}

/// Writes the browser's words about the worker to the console, for whoever supports the page.
#[cfg(target_arch = "wasm32")]
fn warn(words: String) -> String {
    web_sys::console::warn_1(&format!("pooled-budgets: the simulation's worker: {words}").into());
    words
}

#[cfg(target_arch = "wasm32")]
fn describe(error: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{SCRIPT} was refused"))
}

#[cfg(target_arch = "wasm32")]
fn read(data: &wasm_bindgen::JsValue) -> WorkerMessage {
    let field = |name: &str| js_sys::Reflect::get(data, &name.into()).unwrap_or_default();
    let text = |name: &str| field(name).as_string().unwrap_or_default();
    let number = |name: &str| field(name).as_f64().unwrap_or(0.0).max(0.0) as u64;
    match text("type").as_str() {
        "ready" => WorkerMessage::Ready,
        "progress" => WorkerMessage::Progress {
            done: number("done"),
            total: number("total"),
        },
        "done" => WorkerMessage::Done(js_sys::Uint8Array::new(&field("results")).to_vec()),
        "failed" => WorkerMessage::Failed(text("message")),
        "broken" => WorkerMessage::Broken(warn(text("message"))),
        other => {
            WorkerMessage::Broken(warn(format!("an unknown message from the worker: {other}")))
        }
    }
}
