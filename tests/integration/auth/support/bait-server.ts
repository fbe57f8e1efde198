import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A server an attacker would name in a token answer: it answers everything like Salesforce's REST API
 * would (200 JSON) and records every request that carried a bearer token, so a test can prove none did.
 */
export interface BaitServer {
  url: string;
  /** Authorization headers received (the token that would have leaked). */
  bearers: string[];
  /** Every request received, as "METHOD /path" (a refresh token or an auth code travels in a POST body). */
  requests: string[];
  stop(): Promise<void>;
}

export async function startBaitServer(): Promise<BaitServer> {
  const bearers: string[] = [];
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    const auth = request.headers.authorization;
    if (auth) bearers.push(auth);
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"totalSize":0,"done":true,"records":[]}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bearers,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
