import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { AppError } from '../../contract';
import { englishMessage } from '../../contract/i18n/spoken-messages';
import { writeBytesAtomically } from '../invoices/cache/atomic-file';
import { MAX_VIEWS, MAX_VIEWS_FILE_BYTES, VIEW_STATE_VERSION, VIEWS_FILE_FORMAT, viewsFileSchema, type SavedView, type ViewsFile } from '../../contract/saved-views';

/** Keys that would reach an object's prototype if a later reader copied the parsed file with plain assignment. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The file Export views writes: the views' names and states (no ids, no connection: they are the importer's). */
export function viewsFileOf(views: readonly SavedView[]): ViewsFile {
  return { format: VIEWS_FILE_FORMAT, version: VIEW_STATE_VERSION, views: views.map((view) => ({ name: view.name, state: view.state })) };
}

export async function writeViewsFile(path: string, views: readonly SavedView[]): Promise<void> {
  try {
    // Owner-only and whole (a temp file renamed over the target), as every export: a view holds customers' names and
    // invoice numbers (its filters, its search).
    await writeBytesAtomically(path, Buffer.from(`${JSON.stringify(viewsFileOf(views), null, 2)}\n`, 'utf8'));
  } catch (error) {
    throw new AppError('STORAGE', englishMessage('viewsFileNotWritten'), { cause: error });
  }
}

const refuse = (reason: string): never => {
  throw new AppError('INVALID_INPUT', englishMessage('viewsFileRefused', { reason }));
};

/**
 * A views file's text checked like every input: JSON, no prototype keys, our format and version, at most MAX_VIEWS
 * views, each a valid name and view state (known columns, dates, currencies …). Throws INVALID_INPUT with the first
 * reason found; returns the views only when the whole file is good (an import is all or nothing).
 */
export function parseViewsFile(text: string): ViewsFile['views'] {
  let unsafe: string | null = null;
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''), (key, value: unknown) => {
      if (UNSAFE_KEYS.has(key)) unsafe ??= key;
      return value;
    });
  } catch {
    return refuse(englishMessage('viewsFileNotJson'));
  }
  if (unsafe !== null) return refuse(englishMessage('viewsFileUnsafeKey', { key: unsafe }));
  const file = data as Partial<Record<string, unknown>> | null;
  if (typeof file !== 'object' || file === null || Array.isArray(file) || file.format !== VIEWS_FILE_FORMAT) return refuse(englishMessage('viewsFileWrongFormat'));
  if (file.version !== VIEW_STATE_VERSION) return refuse(englishMessage('viewsFileWrongVersion', { version: String(file.version), supported: String(VIEW_STATE_VERSION) }));
  if (Array.isArray(file.views) && file.views.length > MAX_VIEWS) {
    return refuse(englishMessage('viewsFileTooManyViews', { count: String(file.views.length), max: String(MAX_VIEWS) }));
  }
  const parsed = viewsFileSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || 'file'}: ${issue.message}`);
    return refuse(englishMessage('viewsFileInvalid', { issues: issues.join('; ') }));
  }
  return parsed.data.views;
}

const tooLarge = () => refuse(englishMessage('viewsFileTooLarge', { size: `${Math.round(MAX_VIEWS_FILE_BYTES / 1024)} KB` }));

/**
 * Reads the file the user picked, at most MAX_VIEWS_FILE_BYTES + 1 bytes (a 10 MB file is refused unread). Opened
 * without blocking and refused unless it is a regular file (a named pipe would hold one of Node's I/O threads).
 */
export async function readViewsFile(path: string): Promise<ViewsFile['views']> {
  let bytes: Uint8Array;
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = await handle.stat();
    if (!info.isFile()) return refuse(englishMessage('viewsFileNotAFile'));
    if (info.size > MAX_VIEWS_FILE_BYTES) return tooLarge();
    const buffer = new Uint8Array(MAX_VIEWS_FILE_BYTES + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    bytes = buffer.subarray(0, bytesRead);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('STORAGE', englishMessage('viewsFileNotRead'), { cause: error });
  } finally {
    await handle?.close();
  }
  // A file that grew since stat() is still refused, not read whole.
  if (bytes.byteLength > MAX_VIEWS_FILE_BYTES) return tooLarge();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse(englishMessage('viewsFileNotJson'));
  }
  return parseViewsFile(text);
}
