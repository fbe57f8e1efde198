import type { ChannelInput } from '../../contract';

/** An `invoices.export` request as the export writers get it (the connection already resolved). */
export type ExportRequest = Omit<ChannelInput<'invoices.export'>, 'connectionId'>;
