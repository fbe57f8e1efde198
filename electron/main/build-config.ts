import type { BuiltInClientIds } from '../contract/built-in-client';

/** Replaced at build time (electron.vite.config.ts `define`) with the ids from BUDGETLY_CLIENT_ID… */
declare const __BUDGETLY_CLIENT_IDS__: BuiltInClientIds;

/** The client ids this build carries; none in a community build. */
export const BUILT_IN_CLIENT_IDS: BuiltInClientIds = __BUDGETLY_CLIENT_IDS__;
