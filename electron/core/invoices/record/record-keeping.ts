import type { InvoiceDetail } from '../../../contract';
import type { CoreDeps } from '../../core-deps';
import type { InvoiceRepository } from '../cache/invoice-repository';
import type { KeptDetails } from '../cache/kept-details';
import type { MappingService } from '../mapping/mapping-service';
import type { OrgMetadata } from '../mapping/org-metadata';
import { newerDetail, recordDetail } from '../read/record-detail';
import { rowOfId } from '../snapshot/row-table';
import type { SyncTuning } from '../sync/sync-coordinator';
import { defaultWriteTuning, type RecordWriteTuning } from './record-build';
import { RecordCopies } from './record-copy';
import { RecordPhases } from './record-phase';

/** What the invoices module does with every invoice's whole record (README: "The whole record of every invoice"). */
export interface RecordKeeping {
  /** After a successful sync: the background phase (never throws; off when `CoreDeps.recordPhase` is false). */
  afterSync(connectionId: string): void;
  /** Salesforce out of reach: the newer of the detail kept when opened online and the record copy; null when neither has it. */
  offlineDetail(connectionId: string, id: string): Promise<InvoiceDetail | null>;
  /** The connection is removed: its phase stops (nothing written after this) and its record copy is deleted. */
  forget(connectionId: string): Promise<void>;
  dispose(): Promise<void>;
}

/** The ports and the invoices module's parts the record phase and its copy use. */
export function createRecordKeeping(
  deps: Pick<CoreDeps, 'dataDir' | 'secretBox' | 'clock' | 'events' | 'logger' | 'recordPhase'>,
  parts: { metadata: OrgMetadata; mappings: MappingService; repository: InvoiceRepository; kept: KeptDetails; tuning: SyncTuning; write?: Partial<RecordWriteTuning> },
): RecordKeeping {
  const { repository, kept } = parts;
  const copies = new RecordCopies(deps.dataDir, deps.secretBox, repository, deps.logger, { ...defaultWriteTuning, ...parts.write });
  const phases = new RecordPhases({
    metadata: parts.metadata, mappings: parts.mappings, copies, events: deps.events, clock: deps.clock, logger: deps.logger, tuning: parts.tuning,
  });
  return {
    afterSync(connectionId) {
      if (deps.recordPhase !== false) phases.after(connectionId);
    },
    async offlineDetail(connectionId, id) {
      const stored = await copies.get(connectionId, id);
      const snapshot = stored ? await repository.current(connectionId) : null;
      const row = snapshot ? rowOfId(snapshot, id) : undefined;
      return newerDetail(await kept.get(connectionId, id), stored && row ? recordDetail(stored.head, stored.entry, row) : null);
    },
    async forget(connectionId) {
      await phases.stop(connectionId);
      await copies.forget(connectionId);
    },
    dispose: () => phases.dispose(),
  };
}
