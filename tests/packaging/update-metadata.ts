import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface UpdateMetadata {
  version: string;
  releaseDate: string;
  path: string;
  sha512: string;
  files: { url: string; sha512: string; size: number }[];
}

/** Reads a latest*.yml electron-builder wrote, as electron-updater will read it from the update server. */
export function readUpdateMetadata(file: string): UpdateMetadata {
  return parse(readFileSync(file, 'utf8')) as UpdateMetadata;
}

/** What electron-updater compares a download with: base64 SHA-512 of the file's bytes, and its size. */
export function artifactDigest(dir: string, url: string): { sha512: string; size: number } {
  const file = join(dir, url);
  return { sha512: createHash('sha512').update(readFileSync(file)).digest('base64'), size: statSync(file).size };
}
