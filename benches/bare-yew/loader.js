// Starts the bare page the way assets/loader.js starts the app, so both load alike.
import init from './bare-yew.js';

init({ module_or_path: new URL('bare-yew_bg.wasm', import.meta.url) });
