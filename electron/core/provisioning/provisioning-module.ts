import { englishMessage } from '../../contract/i18n/spoken-messages';
import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError, builtInClientIdFor, NO_BUILT_IN_CLIENT, type BuiltInClientIds, type ProvisionedOffer, type SignInMethod } from '../../contract';
import type { ConnectionsService } from '../connections/connections-service';
import type { Handlers } from '../ipc/dispatcher';
import type { EventSink, LaunchRequests, Logger } from '../ports';
import { looksLike, withHiddenShown } from './connection-name';
import type { LaunchRequest } from './launch-args';
import { FILE_EXTENSION, MAX_FILE_BYTES, parseConnectionFile, parseConnectLink, type ParseResult } from './provisioned-connection';
import { PROVISIONING_TEXT as T } from './provisioning-text';

export interface ProvisioningDeps {
  connections: Pick<ConnectionsService, 'add' | 'list'>;
  events: EventSink;
  logger: Logger;
  extraLoginOrigins: readonly string[];
  builtInClientIds?: BuiltInClientIds;
  launchRequests?: LaunchRequests;
  /** The sign-in method the machine policy locks, if any: an offer is shown and added with it (as the policy's own connections are). */
  lockedSignInMethod?: () => SignInMethod | null;
  /** Says a refused offer's reason in the user's language (core-messages.ts); as kept without it. */
  say?: (message: string) => string;
}

type ProvisioningChannel = 'provisioning.pending' | 'provisioning.accept' | 'provisioning.dismiss';

/** Offers that may wait behind the one shown; more arriving at once are dropped (logged). */
export const MAX_WAITING_OFFERS = 5;

/**
 * Links and `.budgetly` files handed to the app become offers shown to the user one at a time: while one is
 * waiting for the user, the next ones queue behind it and are shown, in order, once it is accepted or
 * dismissed — an offer never replaces the one on screen, so a click always adds what the user read.
 * Accepting adds the connection through the connections service (the same validator as the form);
 * nothing signs in here.
 */
export function createProvisioningModule(deps: ProvisioningDeps) {
  let pending: ProvisionedOffer | null = null;
  const waiting: ProvisionedOffer[] = [];
  /** The offer being added (a second click while it is added must not add it twice). */
  let accepting: string | null = null;
  // A refused offer keeps its reason in English; the window reads it in the language of the moment.
  const spoken = (offer: ProvisionedOffer | null): ProvisionedOffer | null =>
    offer?.status === 'refused' && deps.say ? { ...offer, message: deps.say(offer.message) } : offer;
  const show = (offer: ProvisionedOffer | null) => {
    // Checked again when shown: a connection added since it arrived (the offer before it) may now look like it.
    pending = offer && stillUnlike(offer, deps.connections.list());
    deps.events.emit('provisioning.changed', spoken(pending));
  };
  const showNext = () => show(waiting.shift() ?? null);

  async function receive(request: LaunchRequest): Promise<ProvisionedOffer> {
    const source = request.kind;
    const fileName = request.kind === 'file' ? withHiddenShown(basename(request.path).slice(0, 120)) : undefined;
    const result = request.kind === 'link' ? parseConnectLink(request.url, { extraOrigins: deps.extraLoginOrigins }) : await readConnectionFile(request.path, deps.extraLoginOrigins);
    const offer = toOffer(refuseLookalike(result, deps.connections.list()), source, fileName, deps.builtInClientIds ?? NO_BUILT_IN_CLIENT, deps.lockedSignInMethod?.() ?? null);
    deps.logger.info('Connection offered', { source, status: offer.status });
    if (!pending) show(offer);
    else if (waiting.length < MAX_WAITING_OFFERS) waiting.push(offer);
    else deps.logger.warn('Connection offer dropped: too many waiting', { source, waiting: waiting.length });
    return offer;
  }

  const handlers: Pick<Handlers, ProvisioningChannel> = {
    'provisioning.pending': () => spoken(pending),
    'provisioning.accept': async ({ id }) => {
      const offer = pending;
      if (!offer || offer.id !== id || offer.status !== 'ready' || accepting === id) throw new AppError('NOT_FOUND', englishMessage('offerNoLongerWaiting'));
      accepting = id;
      try {
        const twin = lookalikeOf(offer.label, deps.connections.list());
        if (twin) throw new AppError('INVALID_INPUT', T.nameLikeExisting(twin.label));
        const connection = await deps.connections.add({ label: offer.label, loginUrl: offer.loginUrl, clientId: offer.clientId, signInMethod: offer.signInMethod });
        if (pending?.id === id) showNext();
        return connection;
      } finally {
        accepting = null;
      }
    },
    'provisioning.dismiss': ({ id }) => {
      if (pending?.id === id) showNext();
      return null;
    },
  };

  const stopListening = deps.launchRequests?.listen((request) => {
    receive(request).catch((error: unknown) => deps.logger.error('Could not take a launch request', { error: error instanceof Error ? error.name : 'unknown' }));
  });

  return { handlers, receive, dispose: () => stopListening?.() };
}

/** A name that can pass for one the user already has is refused: they would not know which one they add or use. */
function refuseLookalike(result: ParseResult, existing: readonly { label: string }[]): ParseResult {
  if (!result.ok) return result;
  const twin = lookalikeOf(result.connection.label, existing);
  return twin ? { ok: false, message: T.nameLikeExisting(twin.label) } : result;
}

function lookalikeOf(label: string, existing: readonly { label: string }[]): { label: string } | undefined {
  return existing.find((connection) => looksLike(connection.label, label));
}

/** A ready offer whose name now looks like an existing connection's becomes a refused one (same id, same source). */
function stillUnlike(offer: ProvisionedOffer, existing: readonly { label: string }[]): ProvisionedOffer {
  if (offer.status !== 'ready') return offer;
  const twin = lookalikeOf(offer.label, existing);
  if (!twin) return offer;
  return { id: offer.id, source: offer.source, ...(offer.fileName ? { fileName: offer.fileName } : {}), status: 'refused', message: T.nameLikeExisting(twin.label) };
}

function toOffer(result: ParseResult, source: 'link' | 'file', fileName: string | undefined, builtIn: BuiltInClientIds, locked: SignInMethod | null): ProvisionedOffer {
  const base = { id: randomUUID(), source, ...(fileName ? { fileName } : {}) };
  if (!result.ok) return { ...base, status: 'refused', message: result.message };
  const { connection } = result;
  const clientId = connection.clientId ?? builtInClientIdFor(connection.loginUrl, builtIn);
  if (!clientId) return { ...base, status: 'refused', message: T.noClientId };
  return {
    ...base,
    status: 'ready',
    label: connection.label,
    loginUrl: connection.loginUrl,
    clientId,
    builtInClientId: connection.clientId === undefined,
    signInMethod: locked ?? connection.signInMethod ?? 'window',
  };
}

/**
 * Reads at most MAX_FILE_BYTES + 1 bytes: a huge file is refused without loading it. Opened without blocking
 * and refused unless it is a regular file: a named pipe (FIFO) called `x.budgetly` would otherwise hold one of
 * Node's few I/O threads forever, and with them the app's file reads, crypto and network look-ups.
 */
async function readConnectionFile(path: string, extraOrigins: readonly string[]): Promise<ParseResult> {
  if (!path.toLowerCase().endsWith(FILE_EXTENSION)) return { ok: false, message: T.notAConnectionFile };
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = await handle.stat();
    if (!stats.isFile()) return { ok: false, message: T.notARegularFile };
    const { size } = stats;
    if (size > MAX_FILE_BYTES) return { ok: false, message: T.fileTooLarge(size) };
    const buffer = new Uint8Array(MAX_FILE_BYTES + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return parseConnectionFile(buffer.subarray(0, bytesRead), { extraOrigins });
  } catch {
    return { ok: false, message: T.unreadableFile };
  } finally {
    await handle?.close();
  }
}
