// Shared by bench/i1-import.mjs and bench/s1-store.mjs: builds bench/pages with Vite's API,
// serves it (and bench/data/) from a tiny static server on a free port, and opens it in
// headless Debian Chromium through playwright.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.csv': 'text/csv',
  '.wasm': 'application/wasm',
};

/** Builds the bench page into .cache/bench-pages and returns that directory. */
export async function buildPages() {
  const outDir = join(root, '.cache/bench-pages');
  await build({
    configFile: false,
    root: join(root, 'bench/pages'),
    logLevel: 'warn',
    define: { __APP_VERSION__: JSON.stringify('bench') },
    worker: { format: 'es' },
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  return outDir;
}

/** Serves `dir` at / and bench/data at /data/ on a free port. */
export async function serve(dir) {
  const dataDir = join(root, 'bench/data');
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const base = path.startsWith('/data/') ? dataDir : dir;
    const rel = path.startsWith('/data/')
      ? path.slice(6)
      : path === '/'
        ? 'index.html'
        : path.slice(1);
    const file = normalize(join(base, rel));
    if (!file.startsWith(base)) return void res.writeHead(403).end();
    try {
      const size = statSync(file).size;
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': size,
      });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

/** Launches Chromium and opens the bench page; returns { browser, page }. */
export async function openPage(url) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--enable-unsafe-webgpu', '--disable-background-networking'],
  });
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(url);
  await page.waitForFunction(() => 'bench' in window);
  return { browser, page };
}

/** Median of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
