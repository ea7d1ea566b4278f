// A small static file server for dist/, used by the browser tests and benchmarks. Serves on
// 127.0.0.1 only, with the right MIME type for .wasm. Options:
//   --root dist --port 4173 --host 127.0.0.1
//   --base /tools/pooling/   serve the files under a sub-path, as an intranet would
//   --header "Name: value"   add a response header (repeatable), e.g. a Content-Security-Policy
//   --file name=path         serve the local file `path` as `name` under the base, in place of
//                            dist's own (repeatable), e.g. a site's embed-config.json or theme.css
//   --reports /__csp-report  take POSTed reports (a CSP's report-uri) at this path and print each
//                            on stdout as a line starting "report: "
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const root = resolve(opt('root', 'dist'));
const port = Number(opt('port', '4173'));
const host = opt('host', '127.0.0.1');
const base = opt('base', '/');
const headers = {};
args.forEach((a, i) => {
  if (a === '--header' && i + 1 < args.length) {
    const [name, ...value] = args[i + 1].split(':');
    headers[name.trim()] = value.join(':').trim();
  }
});

const files = {};
args.forEach((a, i) => {
  if (a === '--file' && i + 1 < args.length) {
    const [name, ...path] = args[i + 1].split('=');
    files[name] = resolve(path.join('='));
  }
});

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8', '.png': 'image/png', '.ico': 'image/x-icon',
};

const reports = opt('reports', null);

createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (reports && req.method === 'POST' && path === reports) {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      console.log(`report: ${body.replace(/\s+/g, ' ')}`);
      res.writeHead(204).end();
    });
    return;
  }
  if (!path.startsWith(base)) { res.writeHead(404).end('not found'); return; }
  let file = files[path.slice(base.length)] ?? normalize(join(root, path.slice(base.length)));
  if (!file.startsWith(root) && !Object.values(files).includes(file)) { res.writeHead(403).end('forbidden'); return; }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store', ...headers });
    res.end(body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  }
}).listen(port, host, () => console.log(`serving ${root} at http://${host}:${port}${base}`));
