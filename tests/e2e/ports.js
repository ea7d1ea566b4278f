// Ports the test servers listen on (127.0.0.1 only); shared by playwright.config.js and the
// tests. Override with E2E_PORT / E2E_SUBPATH_PORT when something else holds them.
export const PORT = Number(process.env.E2E_PORT ?? 4173);
export const SUBPATH_PORT = Number(process.env.E2E_SUBPATH_PORT ?? 4174);
export const SUBPATH = '/tools/pooling/';
