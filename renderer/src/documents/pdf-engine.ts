import type { PDFDocumentProxy } from 'pdfjs-dist';
// The worker ships as a file of the built renderer (app://budgetly/assets/…): the CSP's worker-src 'self' allows
// exactly that, and the app's protocol serves it with a CSP of its own (default-src 'none': no eval, no fetch).
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/** Why a PDF could not be opened, in the words the viewer says it. */
export type PdfOpenFailure = 'needsPassword' | 'wrongPassword' | 'unreadable';

export class PdfOpenError extends Error {
  constructor(readonly failure: PdfOpenFailure, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'PdfOpenError';
  }
}

let engine: Promise<typeof import('pdfjs-dist')> | undefined;

/** pdf.js, loaded on first use (its ~400 KB stay out of the start-up bundle), its worker from 'self'. */
function pdfjs(): Promise<typeof import('pdfjs-dist')> {
  engine ??= import('pdfjs-dist').then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = workerUrl;
    return lib;
  });
  return engine;
}

/**
 * Parses an invoice PDF in this sandboxed renderer (never in Node). The bytes are copied: pdf.js hands its buffer to
 * the worker, and a second attempt (with a password) needs them again.
 * - No scripting: only the display API is used (no pdf.js scripting sandbox, no form JavaScript, no XFA).
 * - No eval: pdf.js 6 has no eval path left (its `isEvalSupported` option is gone; the built worker holds no
 *   `new Function`/`eval`, tests/security checks it) and the CSP allows none.
 * - No fetching: no font, CMap or WASM URLs are given (useWasm off: WASM would need 'wasm-unsafe-eval'); the
 *   standard fonts fall back to the system's.
 */
export async function openPdf(bytes: Uint8Array, password?: string): Promise<PDFDocumentProxy> {
  const lib = await pdfjs();
  const task = lib.getDocument({
    data: bytes.slice(),
    password,
    enableXfa: false,
    useWasm: false,
    useSystemFonts: true,
    disableWorkerRendering: true,
    stopAtErrors: false,
  });
  try {
    return await task.promise;
  } catch (error) {
    // A task that failed (no or wrong password, unreadable) still holds its own worker: end it, or every attempt
    // would leave one running until the window closes.
    void task.destroy();
    if (error instanceof lib.PasswordException) {
      const wrong = (error as { code?: number }).code === lib.PasswordResponses.INCORRECT_PASSWORD;
      throw new PdfOpenError(wrong ? 'wrongPassword' : 'needsPassword', error);
    }
    throw new PdfOpenError('unreadable', error);
  }
}
