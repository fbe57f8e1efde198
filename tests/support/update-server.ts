import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One release as electron-builder publishes it: the artifact and the `latest-linux.yml` that describes it. */
export interface Release {
  version: string;
  fileName: string;
  bytes: Buffer;
  /** The sha512 written into the metadata; defaults to the bytes' own (pass another to model a corrupted download). */
  sha512?: string;
}

export type ServerMode =
  | { kind: 'serve' }
  /** Answers every metadata request with this body (not what electron-builder writes). */
  | { kind: 'garbage'; body: string }
  /** Sends the first half of the artifact, then drops the connection, for this many downloads. */
  | { kind: 'cut'; times: number };

export function sha512Base64(bytes: Buffer): string {
  return createHash('sha512').update(bytes).digest('base64');
}

/** The metadata file electron-builder writes beside a Linux installer (generic provider). */
export function latestYml(release: Release): string {
  const sha512 = release.sha512 ?? sha512Base64(release.bytes);
  return [
    `version: ${release.version}`,
    'files:',
    `  - url: ${release.fileName}`,
    `    sha512: ${sha512}`,
    `    size: ${release.bytes.length}`,
    `path: ${release.fileName}`,
    `sha512: ${sha512}`,
    `releaseDate: '2026-12-01T09:00:00.000Z'`,
    '',
  ].join('\n');
}

/**
 * A local update server (127.0.0.1, port 0) as a static host of the generic provider: `latest*.yml` and the
 * artifacts. The test picks the release, the mode (garbage metadata, downloads cut mid-way) and stops it
 * (`down()` closes it while the app keeps its URL: a server that is down).
 */
export async function startUpdateServer(release: Release): Promise<{
  url: string;
  requests: string[];
  setRelease(next: Release): void;
  setMode(mode: ServerMode): void;
  down(): Promise<void>;
}> {
  let current = release;
  let mode: ServerMode = { kind: 'serve' };
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname).slice(1);
    requests.push(path);
    if (/^latest.*\.yml$/.test(path)) {
      response.writeHead(200, { 'content-type': 'text/yaml', 'cache-control': 'no-store' });
      response.end(mode.kind === 'garbage' ? mode.body : latestYml(current));
      return;
    }
    if (path !== current.fileName) {
      response.writeHead(404).end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(current.bytes.length) });
    if (mode.kind === 'cut' && mode.times > 0) {
      mode = mode.times > 1 ? { kind: 'cut', times: mode.times - 1 } : { kind: 'serve' };
      response.write(current.bytes.subarray(0, current.bytes.length >> 1), () => response.destroy());
      return;
    }
    response.end(current.bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let closed = false;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    setRelease: (next) => (current = next),
    setMode: (next) => (mode = next),
    down: () =>
      closed
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            closed = true;
            server.closeAllConnections();
            server.close(() => resolve());
          }),
  };
}
