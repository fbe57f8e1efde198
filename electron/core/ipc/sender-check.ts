/**
 * Whether an IPC call comes from the app's own renderer: the sender frame's URL must be
 * on the renderer's origin (for app:// and http:// alike: same scheme, host and port).
 * Anything else, including about:blank, data: and file: frames, is refused.
 */
export function createSenderCheck(rendererUrl: string): (senderUrl: string | undefined) => boolean {
  const expected = new URL(rendererUrl);
  return (senderUrl) => {
    if (!senderUrl) return false;
    let actual: URL;
    try {
      actual = new URL(senderUrl);
    } catch {
      return false;
    }
    return actual.protocol === expected.protocol && actual.host === expected.host && actual.host !== '';
  };
}
