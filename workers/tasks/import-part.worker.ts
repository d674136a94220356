/**
 * Module worker reading the second half of a big delimited file (see import-part.ts). One
 * request at a time (a worker that answered is kept for a later import); it answers progress,
 * then the part (its arrays transferred) or `failed`.
 */
import { partBuffers, readPart, type PartMessage, type PartRequest } from './import-part';

const post = (m: PartMessage, transfer: Transferable[] = []): void =>
  (self as unknown as Worker).postMessage(m, transfer);

self.onmessage = async (e: MessageEvent<PartRequest>) => {
  let last = 0;
  try {
    const part = await readPart(e.data, (bytes) => {
      const now = performance.now();
      if (now - last < 100) return;
      last = now;
      post({ kind: 'progress', bytes });
    });
    post({ kind: 'done', part }, partBuffers(part));
  } catch {
    // The import worker reads this half itself and reports any problem exactly.
    post({ kind: 'failed' });
  }
};
