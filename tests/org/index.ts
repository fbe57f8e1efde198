export { startOrg } from './server.ts';
export type {
  Fault,
  FaultKind,
  InvoiceObjectName,
  OrgControl,
  OrgCounters,
  OrgOptions,
  RunningOrg,
} from './types.ts';
