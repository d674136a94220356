// Shared by bench/t1-train.mjs and bench/q1-score.mjs: builds bench/pages/ml (page + module
// worker running workers/ml) with Vite's JS API into a temp dir, minified like the app's build,
// serves it and a data dir from a tiny static server on a free port, and opens it in headless
// Debian Chromium through playwright. `isolated` adds COOP/COEP headers (cross-origin isolation:
// SharedArrayBuffer, WASM threads, 5 µs timers); the app is not served with them today.
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
};

/**
 * Builds the page into a fresh temp dir.
 * @param {{ minify?: boolean }} [options] minify defaults to true (as `vite build`)
 * @returns {Promise<string>} the output dir
 */
export async function buildBenchPage({ minify = true } = {}) {
  const outDir = mkdtempSync(join(tmpdir(), 'benchtop-ml-page-'));
  await build({
    configFile: false,
    root: join(root, 'bench/pages/ml'),
    logLevel: 'warn',
    define: { __APP_VERSION__: JSON.stringify('bench') },
    // As vite.config.ts: ES workers, no legal comments, es2022.
    worker: { format: 'es', rolldownOptions: { output: { comments: { legal: false } } } },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify,
      rolldownOptions: { output: { comments: { legal: false } } },
    },
  });
  return outDir;
}

/**
 * Serves `dir` at / and `dataDir` at /data/ on a free port.
 * @returns {Promise<{ url: string, close: () => void }>}
 */
export async function serve(dir, dataDir, { isolated = false } = {}) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    const isData = path.startsWith('/data/');
    const base = isData ? dataDir : dir;
    const rel = isData ? path.slice(6) : path === '/' ? 'index.html' : path.slice(1);
    const file = normalize(join(base, rel));
    if (!base || !file.startsWith(base)) return void res.writeHead(403).end();
    try {
      const size = statSync(file).size;
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': size,
        ...(isolated
          ? {
              'Cross-Origin-Opener-Policy': 'same-origin',
              'Cross-Origin-Embedder-Policy': 'require-corp',
            }
          : {}),
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

/**
 * Builds, serves and opens the page.
 * @returns {Promise<{ call: (command: string, args?: object) => Promise<any>, close: () => Promise<void> }>}
 */
export async function openBench({ dataDir = '', isolated = false, minify = true } = {}) {
  const outDir = await buildBenchPage({ minify });
  const server = await serve(outDir, dataDir, { isolated });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--enable-unsafe-webgpu', '--disable-background-networking'],
  });
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning')
      console.error(`page ${m.type()}:`, m.text());
  });
  await page.goto(server.url);
  await page.waitForFunction(() => 'mlBench' in window);
  return {
    call: (command, args = {}) => page.evaluate(([c, a]) => window.mlBench(c, a), [command, args]),
    close: async () => {
      await browser.close();
      server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** Median of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Quantile (0..1) of numbers, nearest rank. */
export function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
