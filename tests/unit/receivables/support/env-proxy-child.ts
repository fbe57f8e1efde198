// Run in a child process (its environment decides the agents' proxy at start): one GET of argv[2] through the sync's
// transport (http-exchange.ts), one through fetch; prints what each got.
import { exchangeText } from '../../../../electron/core/salesforce/http-exchange';

const url = process.argv[2]!;
const options = { signal: AbortSignal.timeout(5_000), maxBytes: 1 << 20, tooLarge: () => new Error('too large') };
const sync = await exchangeText({ method: 'GET', url, headers: {} }, options).then((a) => a.text, (e: Error) => `failed: ${e.message}`);
const viaFetch = await fetch(url).then((r) => r.text(), (e: Error) => `failed: ${e.message}`);
console.log(JSON.stringify({ sync, fetch: viaFetch }));
