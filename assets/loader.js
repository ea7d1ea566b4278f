// Starts the app. An external module (not Trunk's inline loader) so the page runs under a
// content security policy with no 'unsafe-inline'. Paths are relative: dist/ works from any sub-path.
// The page names the wasm: view.html's tag says data-app="pooled-budgets-viewer"; none, the modeller.
const APPS = ['pooled-budgets', 'pooled-budgets-viewer'];
const asked = document.querySelector('script[data-app]')?.dataset.app;
const app = APPS.includes(asked) ? asked : APPS[0];

// The release wasm is built with panics that abort at once (docs/maintainers.md, "When the app
// panics"): no panic hook runs, and a panic reaches JavaScript as a WebAssembly.RuntimeError
// ("unreachable") — from start-up (init's promise), an event handler (window `error`) or a
// scheduled render (`unhandledrejection`). This is the one place that tells the person.
const CRASHED_KEY = 'pooled-budgets.crashed';
const CRASH_ID = 'pb-crash';

// A plain visit to the modeller (no link, no page asked for) starts with the first screen: a
// small wasm that draws the figures of the model about to open, so they are on screen sooner;
// then the modeller starts and takes the page over (docs/maintainers.md, "The first screen").
const FIRST = 'pooled-budgets-first';
const plainVisit = app === APPS[0] && window.location.search === '' && window.location.hash === '';
let running = plainVisit ? FIRST : app;

function showCrash(error) {
  if (running === FIRST) {
    // Only the figures drawn early are lost: the modeller starts as usual.
    console.error('pooled-budgets: the first screen stopped', error);
    return;
  }
  console.error('pooled-budgets: stopped', error);
  if (app !== APPS[0]) {
    tell('Something went wrong — this model could not be shown',
      ['Reload the page to try again. Nothing is saved here, so nothing is lost.']);
    return;
  }
  // The next load opens the recovery page instead of the model that may have caused this.
  try { localStorage.setItem(CRASHED_KEY, '1'); } catch { /* storage refused: nothing to note */ }
  tell('Something went wrong — your work is saved', [
    'The modeller hit a problem it could not recover from. Everything you '
      + 'entered up to your last change is saved in this browser.',
    'Reload the page to carry on: it will open a recovery page listing your saved '
      + 'models, where you can download, open read-only or delete the one that caused the problem. '
      + 'If it happens again, please report it using the contact details in the accessibility '
      + 'statement, saying what you did just before.',
  ]);
}

function tell(title, sentences) {
  if (document.getElementById(CRASH_ID)) return;
  document.getElementById('pb-loading')?.remove();
  const section = document.createElement('section');
  section.id = CRASH_ID;
  section.className = 'pb-crash';
  section.setAttribute('role', 'alert');
  const heading = document.createElement('h2');
  heading.textContent = title;
  const paragraphs = sentences.map((text) => {
    const p = document.createElement('p');
    p.textContent = text;
    return p;
  });
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.className = 'pb-button';
  reload.textContent = 'Reload the page';
  reload.addEventListener('click', () => window.location.reload());
  section.append(heading, ...paragraphs, reload);
  document.body.prepend(section);
  reload.focus();
}

const isTrap = (error) => error instanceof WebAssembly.RuntimeError;
window.addEventListener('error', (event) => { if (isTrap(event.error)) showCrash(event.error); });
window.addEventListener('unhandledrejection', (event) => {
  if (isTrap(event.reason)) showCrash(event.reason);
});

const start = (name) => import(`./${name}.js`)
  .then(({ default: init }) => init({ module_or_path: new URL(`${name}_bg.wasm`, import.meta.url) }));

// Resolves once the frame after now is painted (an animation frame, then a task after it), or
// after 100 ms in a tab the browser does not paint.
const painted = () => new Promise((resolve) => {
  requestAnimationFrame(() => setTimeout(resolve, 0));
  setTimeout(resolve, 100);
});

const first = plainVisit
  ? start(FIRST).then(painted).catch((error) => {
    console.error('pooled-budgets: the first screen could not be drawn', error);
  })
  : Promise.resolve();

first
  .then(() => {
    running = app;
    return start(app);
  })
  .catch((error) => {
    if (isTrap(error)) {
      showCrash(error);
      return;
    }
    const status = document.getElementById('pb-loading');
    if (status) {
      status.textContent = 'The modeller could not start in this browser. Try reloading the page; '
        + 'if that does not help, use a recent version of Edge, Chrome or Firefox.';
      status.setAttribute('role', 'alert');
    }
    console.error('pooled-budgets: failed to start', error);
  });
