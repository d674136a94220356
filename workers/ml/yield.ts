/**
 * Yields to the event loop with a macrotask, so messages queued for this worker (a Comlink
 * cancel) run between training batches. A MessageChannel post is not subject to the 4 ms clamp
 * nested `setTimeout(0)` calls get; `setTimeout` is the fallback where MessageChannel is missing.
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'undefined') {
    return new Promise((resolve) => setTimeout(resolve, 0));
  }
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
