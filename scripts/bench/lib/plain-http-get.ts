import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/**
 * A GET the plainest way Node's own http client allows: one keep-alive socket, the body's chunks joined and decoded once.
 * The app's sync reads its pages through this client too (electron/core/salesforce/http-exchange.ts), so a loop on it is
 * the least any program on the app's transport must do — the baseline beside the fetch loop (review33's M2: the app moved
 * from fetch to Node's http client in session 33 while the 1M row's baseline stayed on fetch).
 */
export interface PlainAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 1 });
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 1 });

export function plainHttpGet(url: string, headers: Record<string, string>): Promise<PlainAnswer> {
  const secure = url.startsWith('https:');
  const send = secure ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, { headers, agent: secure ? httpsAgent : httpAgent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    request.end();
  });
}
