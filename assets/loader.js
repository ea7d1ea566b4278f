// Starts the app. An external module (not Trunk's inline loader) so the page runs under a
// content security policy with no 'unsafe-inline'. Paths are relative: dist/ works from any sub-path.
import init from './pooled-budgets.js';

init({ module_or_path: new URL('pooled-budgets_bg.wasm', import.meta.url) }).catch((error) => {
  const status = document.getElementById('pb-loading');
  if (status) {
    status.textContent = 'The modeller could not start in this browser. Try reloading the page; '
      + 'if that does not help, use a recent version of Edge, Chrome or Firefox.';
    status.setAttribute('role', 'alert');
  }
  console.error('pooled-budgets: failed to start', error);
});
