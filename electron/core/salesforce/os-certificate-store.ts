import type { Logger } from '../ports';

/**
 * The main process trusts the certificate authorities of the computer's own store (macOS Keychain, Windows' store, OpenSSL's
 * file and folder on Linux: SSL_CERT_FILE / SSL_CERT_DIR or their defaults) beside Node's bundled Mozilla list, as the sign-in
 * window (Chromium) and the computer's other apps do. A firm whose IT inspects TLS installs its proxy's CA there: without this
 * step the login page loads and then the code exchange and every sync are refused (`salesforceCertificateRefused`).
 *
 * Run once at start, before any connection: Node's https.request and fetch (undici) both build their TLS contexts from the
 * default list this sets. Nothing else is trusted: no file of ours, no environment variable beyond what Node itself reads.
 */

/** The part of `node:tls` this step uses (Node 22.19+ / 24.5+); absent in an older Node. */
export interface CertificateAuthorities {
  getCACertificates?: (type: 'default' | 'system' | 'bundled' | 'extra') => string[];
  setDefaultCACertificates?: (certificates: string[]) => void;
}

/**
 * What the step did: `os` = the OS store's authorities are trusted too (`added`: how many Node did not have); `bundled` = the
 * list stayed as Node started it, and why.
 */
export type OsTrust = { trusted: 'os'; fromOs: number; added: number } | { trusted: 'bundled'; reason: string };

/** Makes Node's default CA list bundled ∪ the OS store ∪ extra (NODE_EXTRA_CA_CERTS where Node honours it); never throws. */
export function trustOsCertificateStore(tls: CertificateAuthorities, logger: Logger): OsTrust {
  const outcome = widenDefaultAuthorities(tls);
  if (outcome.trusted === 'os') logger.info('Trusting the certificate authorities of the OS store too', { fromOs: outcome.fromOs, added: outcome.added });
  else logger.warn('Trusting Node’s bundled certificate authorities only', { reason: outcome.reason });
  return outcome;
}

function widenDefaultAuthorities(tls: CertificateAuthorities): OsTrust {
  const { getCACertificates, setDefaultCACertificates } = tls;
  if (typeof getCACertificates !== 'function' || typeof setDefaultCACertificates !== 'function') {
    return { trusted: 'bundled', reason: 'this Node cannot read the OS store (tls.getCACertificates / setDefaultCACertificates missing)' };
  }
  try {
    const fromOs = getCACertificates('system');
    // Node reads what it can and says nothing of the rest (a missing or unreadable file or folder): an empty store is one
    // that could not be read, worth the one warning.
    if (fromOs.length === 0) return { trusted: 'bundled', reason: 'the OS store gave no certificate' };
    const current = new Set(getCACertificates('default').map(certificateBody));
    const unique = new Map<string, string>();
    for (const pem of [...getCACertificates('bundled'), ...fromOs, ...getCACertificates('extra')]) {
      const body = certificateBody(pem);
      if (body && !unique.has(body)) unique.set(body, pem);
    }
    const added = [...unique.keys()].filter((body) => !current.has(body)).length;
    // Nothing new (an empty store, or one that holds only Mozilla's list): the default list stays as it is.
    if (added > 0) setDefaultCACertificates([...unique.values()]);
    return { trusted: 'os', fromOs: fromOs.length, added };
  } catch (error) {
    return { trusted: 'bundled', reason: `the OS store could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** A certificate's base64 body: the same certificate written with other line breaks (the OS's file vs Node's list) is one. */
function certificateBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, '');
}
