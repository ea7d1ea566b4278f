// Ports the test servers listen on (127.0.0.1 only); shared by playwright.config.js and the tests.
export const PORT = 4173;
export const SUBPATH_PORT = 4174;
export const SUBPATH = '/tools/pooling/';
