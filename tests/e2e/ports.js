// Ports the test servers listen on (127.0.0.1 only); shared by playwright.config.js and the
// tests. Override with E2E_PORT / E2E_SUBPATH_PORT / E2E_EMBED_PORT / E2E_HOST_PORT /
// E2E_OTHER_HOST_PORT when something else holds them.
export const PORT = Number(process.env.E2E_PORT ?? 4173);
export const SUBPATH_PORT = Number(process.env.E2E_SUBPATH_PORT ?? 4174);
export const SUBPATH = '/tools/pooling/';
// Embedding (tests/e2e/embed.spec.js): the app as an intranet would host it for framing, a host
// page on another origin that embeds it (trusted in the app's embed-config.json), and a page
// on a third origin that is not trusted.
export const EMBED_PORT = Number(process.env.E2E_EMBED_PORT ?? 4185);
export const HOST_PORT = Number(process.env.E2E_HOST_PORT ?? 4186);
export const OTHER_HOST_PORT = Number(process.env.E2E_OTHER_HOST_PORT ?? 4187);
export const EMBED_APP = `http://127.0.0.1:${EMBED_PORT}${SUBPATH}`;
export const HOST_ORIGIN = `http://127.0.0.1:${HOST_PORT}`;
export const OTHER_HOST_ORIGIN = `http://127.0.0.1:${OTHER_HOST_PORT}`;

/** The content security policy of docs/embedding.md, with the pages allowed to frame the app. */
export const csp = (frameAncestors) => "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; "
  + "style-src 'self'; img-src 'self' data:; connect-src 'self'; "
  + `frame-ancestors ${frameAncestors}`;
