/**
 * Headers of a file of the built renderer, as app://budgetly serves it (electron/main/app-protocol.ts) and as the test
 * harness serves it (tests/support/static-server.ts). index.html carries its CSP in a <meta>; every other file gets
 * a CSP header that allows nothing. That header is what a dedicated worker runs under (a worker takes its policy from
 * its script's response, not from the page): pdf.js's worker (issue #15) may not eval, fetch, import or start
 * anything — it only gets the PDF bytes by message. For scripts, styles and images loaded by the page it changes nothing.
 */
export const WORKER_POLICY = "default-src 'none'";

export function rendererFileHeaders(path: string): Record<string, string> {
  if (/\.html?$/i.test(path)) return {};
  return { 'content-security-policy': WORKER_POLICY };
}
