import * as tls from 'node:tls';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../ports';
import { refusedCertificateCode } from './salesforce-errors';

/**
 * The main process trusts the certificate authorities of the computer's own store (macOS Keychain, Windows' store, OpenSSL's
 * file and folder on Linux: SSL_CERT_FILE / SSL_CERT_DIR or their defaults) beside Node's bundled Mozilla list, as the sign-in
 * window (Chromium) and the computer's other apps do — for a firm whose IT inspects TLS and installed its proxy's CA there
 * (without it the login page loads, then the code exchange and every sync are refused: `salesforceCertificateRefused`).
 *
 * Read only when Node's list has refused a connection's certificate, never at launch: reading the store costs ~55 ms of CPU
 * here (432 certificates) and, on macOS, Node evaluates each Keychain certificate through trustd, which blocks for seconds on
 * managed Macs with a network filter (nodejs/node#63313). So the read happens once per process, at the first refusal, in a
 * worker thread (the main thread never waits on the store); the worker hands back the PEMs and the main thread sets its
 * default list to bundled ∪ OS store ∪ extra — `tls.setDefaultCACertificates` only changes the calling thread's list (Node's
 * docs), and every later connection of this thread takes it: https.request (http-exchange.ts, the part agents) and fetch
 * (undici) both build each new connection's TLS context from the default list. Nothing else is trusted.
 *
 * The worker keeps only the store's authorities valid today: OS stores keep expired roots (5 distinct on this Linux machine),
 * and in Electron — whose Node uses BoringSSL — the chain builder takes the first authority of the issuer's name that fits
 * (BoringSSL's X509_STORE_CTX_get1_issuer; OpenSSL's prefers one valid today), so an expired one left beside its renewal (a
 * proxy's CA that IT renewed) could end a chain as "certificate has expired". An expired or not-yet-valid authority never
 * anchors a chain that verifies, so setting it aside changes nothing else. One the TLS library cannot parse is set aside too:
 * `setDefaultCACertificates` throws on it, and the whole list would stay unset.
 */

/** The part of `node:tls` this uses (Node 22.19+ / 24.5+); absent in an older Node. */
export interface CertificateAuthorities {
  getCACertificates?: (type: 'default' | 'system' | 'bundled' | 'extra') => string[];
  setDefaultCACertificates?: (certificates: string[]) => void;
}

/** What a read of the OS store gave: the authorities valid today (PEM), and how many others it held (expired, not yet valid, unreadable). */
export interface OsStoreRead {
  authorities: string[];
  setAside: number;
}

/** Reads the OS store, off the main thread. */
export type OsStoreReader = () => Promise<OsStoreRead>;

/**
 * What a read did: `os` = the OS store's authorities are trusted too (`fromOs`: how many the store held, `setAside` of them
 * not trusted, `added`: how many Node did not have); `bundled` = the list stayed as it was, and why.
 */
export type OsTrust = { trusted: 'os'; fromOs: number; setAside: number; added: number } | { trusted: 'bundled'; reason: string };

export interface OsTrustOnRefusal {
  /**
   * `send()`'s answer; if Node's list refused the server's certificate and the request was sent before the OS store was read:
   * the store is read (once per process: concurrent refusals wait on one read) and, if it added an authority, the request is
   * sent once more; otherwise the refusal stands. `signal` ends the wait for the read.
   */
  send<T>(send: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

/**
 * `report` is told the read's outcome; `reading`, `true` when a refused request starts the read (it waits on it: seconds on a
 * managed Mac) and `false` once the list is set, before the waiting requests go on.
 */
export function osTrustOnRefusal(
  authorities: CertificateAuthorities,
  readStore: OsStoreReader,
  report: (outcome: OsTrust) => void,
  reading: (reading: boolean) => void = () => undefined,
): OsTrustOnRefusal {
  let read: Promise<OsTrust> | null = null;
  let done = false;
  const widen = () => {
    if (read) return read;
    tell(reading, true);
    read = widenDefaultAuthorities(authorities, readStore).then((outcome) => {
      done = true;
      tell(reading, false);
      tell(report, outcome);
      return outcome;
    });
    return read;
  };
  return {
    async send<T>(send: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      // A request sent once the store is in the list was refused by it: not sent again.
      const sentBeforeRead = !done;
      try {
        return await send();
      } catch (error) {
        if (!sentBeforeRead || refusedCertificateCode(error) === undefined) throw error;
        const outcome = await untilAborted(widen(), signal);
        if (outcome.trusted !== 'os' || outcome.added === 0) throw error;
        // Sent once more, with the wider list. Safe for any method, a POST included (the code exchange, a Bulk job): the
        // refusal came in the TLS handshake, before a byte of the request was written, so the server never saw the first one.
        return send();
      }
    },
  };
}

/** A listener that throws changes nothing of what the requests waiting on the read get (nor what the others are told). */
function tell<T>(listener: (value: T) => void, value: T): void {
  try {
    listener(value);
  } catch {
    // A log or a status that fails is not the request's failure.
  }
}

const listeners: ((outcome: OsTrust) => void)[] = [];
const readingListeners = new Set<(reading: boolean) => void>();

/** `logger` is told when the read starts and its outcome (at most one read per process). */
export function reportOsTrustTo(logger: Logger): void {
  readingListeners.add((reading) => {
    if (reading) logger.info('A certificate was refused: reading the OS store');
  });
  listeners.push((outcome) => {
    if (outcome.trusted === 'os') logger.info('A certificate was refused: the OS store was read', { fromOs: outcome.fromOs, setAside: outcome.setAside, added: outcome.added });
    else logger.warn('A certificate was refused: Node’s bundled certificate authorities only', { reason: outcome.reason });
  });
}

/**
 * `listener(true)` when this process starts reading the OS store (a refused request waits on it), `listener(false)` once it
 * is read; returns the unsubscribe. The sync's status says so meanwhile (sync-coordinator.ts).
 */
export function onOsStoreReading(listener: (reading: boolean) => void): () => void {
  readingListeners.add(listener);
  return () => void readingListeners.delete(listener);
}

const processTrust = osTrustOnRefusal(
  tls,
  readOsStoreInWorker,
  (outcome) => {
    for (const listener of listeners) tell(listener, outcome);
  },
  (reading) => {
    for (const listener of [...readingListeners]) tell(listener, reading);
  },
);

/** The process's: every sender of the main process wraps its request in it (fetch-transport.ts, http-exchange.ts). */
export function withOsTrustOnRefusal<T>(send: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  return processTrust.send(send, signal);
}

/**
 * An eval'd worker (no file of its own for the build to emit; works in Electron's main process, which runs Node's
 * worker_threads): it reads the store, keeps the authorities valid today (parsing each costs ~40 ms of CPU for ~580, here on
 * the worker's thread), posts them back with the count of the others, and ends. The dates are read as the TLS library prints
 * them (`validFrom`: "Sep  3 21:40:37 2022 GMT"), which Node's own test-crypto-x509 checks under BoringSSL too; it checks
 * `validFromDate` / `validToDate` under OpenSSL only. A date that cannot be read (NaN) keeps the authority, as before the check.
 */
const READ_STORE = `
const { X509Certificate } = require('node:crypto');
const now = Date.now();
const authorities = [];
let setAside = 0;
for (const pem of require('node:tls').getCACertificates('system')) {
  let certificate;
  try {
    certificate = new X509Certificate(pem);
  } catch {
    setAside++;
    continue;
  }
  if (Date.parse(certificate.validFrom) > now || Date.parse(certificate.validTo) < now) setAside++;
  else authorities.push(pem);
}
require('node:worker_threads').parentPort.postMessage({ authorities, setAside });
`;

function readOsStoreInWorker(): Promise<OsStoreRead> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(READ_STORE, { eval: true });
    worker.once('message', (read: OsStoreRead) => {
      resolve(read);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the worker reading the OS store ended (${code})`)));
  });
}

/** Makes the default CA list bundled ∪ the OS store ∪ extra (NODE_EXTRA_CA_CERTS where Node honours it); never rejects. */
async function widenDefaultAuthorities(authorities: CertificateAuthorities, readStore: OsStoreReader): Promise<OsTrust> {
  const { getCACertificates, setDefaultCACertificates } = authorities;
  if (typeof getCACertificates !== 'function' || typeof setDefaultCACertificates !== 'function') {
    return { trusted: 'bundled', reason: 'this Node cannot read the OS store (tls.getCACertificates / setDefaultCACertificates missing)' };
  }
  try {
    const { authorities: fromOs, setAside } = await readStore();
    // Node reads what it can and says nothing of the rest (a missing or unreadable file or folder): an empty store is one
    // that could not be read.
    if (fromOs.length + setAside === 0) return { trusted: 'bundled', reason: 'the OS store gave no certificate' };
    const current = new Set(getCACertificates('default').map(certificateBody));
    const unique = new Map<string, string>();
    for (const pem of [...getCACertificates('bundled'), ...fromOs, ...getCACertificates('extra')]) {
      const body = certificateBody(pem);
      if (body && !unique.has(body)) unique.set(body, pem);
    }
    const added = [...unique.keys()].filter((body) => !current.has(body)).length;
    // Nothing new (a store that holds only Mozilla's list): the default list stays as it is.
    if (added > 0) setDefaultCACertificates([...unique.values()]);
    return { trusted: 'os', fromOs: fromOs.length + setAside, setAside, added };
  } catch (error) {
    return { trusted: 'bundled', reason: `the OS store could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** `promise`, or `signal`'s reason once it is aborted (the read itself goes on, for the requests after). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    void promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** A certificate's base64 body: the same certificate written with other line breaks (the OS's file vs Node's list) is one. */
function certificateBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, '');
}
