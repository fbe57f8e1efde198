/** If no frame comes (a hidden window paints nothing), the work runs after this long all the same. */
const NO_FRAME_MS = 250;

/**
 * Runs `work` once the next frame has been painted: in a task posted from that frame's animation callback, so it
 * neither delays the frame nor adds to its style, layout and paint. Without frames (a hidden page) it runs after
 * NO_FRAME_MS. The returned function cancels it if it has not run yet.
 */
export function afterNextPaint(work: () => void): () => void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cancel();
    work();
  };
  const channel = new MessageChannel();
  channel.port1.onmessage = run;
  const frame = requestAnimationFrame(() => channel.port2.postMessage(null));
  const timer = setTimeout(run, NO_FRAME_MS);
  function cancel() {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    channel.port1.onmessage = null;
    channel.port1.close();
  }
  return cancel;
}
