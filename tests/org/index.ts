export { startOrg } from './server.ts';
export {
  authorizationCode,
  DEMO_CLIENT_ID,
  DEMO_REDIRECT_URI,
  DEMO_USER,
  HttpLoginAgent,
  pkcePair,
  signIn,
  walkLogin,
  type LoginWalkOptions,
  type OrgTokenResponse,
} from './headless-login.ts';
export type {
  DocumentFault,
  Fault,
  InvoiceDocumentInfo,
  FaultKind,
  InvoiceObjectName,
  OrgControl,
  OrgCounters,
  OrgOptions,
  ReceivablesDay,
  RunningOrg,
} from './types.ts';
