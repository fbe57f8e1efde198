import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererFileHeaders, WORKER_POLICY } from '../../electron/core/app/renderer-file-headers';
import { serveStatic } from '../support/static-server';

/**
 * pdf.js parses untrusted PDFs in the renderer (issue #15). Its worker is a file of the built renderer, started under
 * the page's worker-src 'self' (tests/security/csp-policy.test.ts), and runs under the CSP its script is served with:
 * default-src 'none' (no eval, no fetch, no import). The e2e test (tests/e2e/documents/invoice-pdf-viewer.test.ts)
 * shows Chromium enforcing it (a fetch from the worker is refused). Here: the header, and the shipped code.
 */
const root = resolve(import.meta.dirname, '../..');
const assets = join(root, 'out/renderer/assets');
const built = existsSync(assets) ? readdirSync(assets) : [];
const worker = built.find((name) => /^pdf\.worker.*\.m?js$/.test(name));

describe("pdf.js's worker", () => {
  it('is served with a CSP that allows nothing; index.html keeps its own policy (the meta tag)', () => {
    expect(WORKER_POLICY).toBe("default-src 'none'");
    expect(rendererFileHeaders('/x/assets/pdf.worker.min-abc.mjs')).toEqual({ 'content-security-policy': "default-src 'none'" });
    expect(rendererFileHeaders('/x/assets/index-abc.js')).toEqual({ 'content-security-policy': "default-src 'none'" });
    expect(rendererFileHeaders('/x/index.html')).toEqual({});
  });

  it('ships as its own file in the built renderer, served as JavaScript with that header', async () => {
    expect(worker, `a pdf.worker file in ${built.join(', ')}`).toBeDefined();
    const server = await serveStatic(join(root, 'out/renderer'));
    try {
      const response = await fetch(`${server.url}/assets/${worker!}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'");
    } finally {
      await server.close();
    }
  });

  it('holds no eval and no Function constructor, in the worker or the pdf.js chunk (pdf.js 6 has no eval path; its isEvalSupported option is gone)', () => {
    const files = built.filter((name) => /^pdf[.-]/.test(name) && /\.m?js$/.test(name));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const name of files) {
      const code = readFileSync(join(assets, name), 'utf8');
      // (Its WASM image decoders are off, useWasm: false; the page's CSP has no 'wasm-unsafe-eval' and the worker's none.)
      expect(/(^|[^\w$.])eval\s*\(/.test(code), `${name} calls eval`).toBe(false);
      expect(/new\s+Function\s*\(/.test(code), `${name} builds a Function`).toBe(false);
    }
  });
});
