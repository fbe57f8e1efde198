import type { Crossing } from './crossing';
import type { OrgProcess } from './org-process';
import type { Timeline } from './electron-estimate';
import type { Summary } from './stats';

export type Unit = 'ms' | 'MiB' | 'count' | '%';

/** One line of the results table. */
export interface ResultRow {
  scenario: string;
  /** What the figures measure, e.g. "wall time", "peak RSS". */
  metric: string;
  unit: Unit;
  app: Summary | null;
  baseline: Summary | null;
  /** app median / baseline median, exact (unrounded: what the pass rule judged). */
  ratio: number | null;
  /** Decimals to print the ratio with when the usual ones (3 below 0.1, else 2) would round it across its target's line. */
  ratioDigits?: number;
  target: string;
  /** null: no target (context only). */
  pass: boolean | null;
  note?: string;
}

export interface BenchOptions {
  quick: boolean;
  /** Invoices in the org for the 100k scenarios (smaller with --quick). */
  invoices: number;
  /** Invoices for the "does not fall over" sync. */
  millionInvoices: number;
  runs: { sync: number; incremental: number; export: number; ui: number; million: number; refresh: number };
  searches: number;
  scrollMaxFrames: number;
}

export interface BenchContext {
  options: BenchOptions;
  keyHex: string;
  org: OrgProcess;
  /** A data folder with one signed-in connection and its complete offline copy (copied, never changed). */
  prepared: { dir: string; connectionId: string };
  /** Results of the UI worker runs, shared by the four UI scenarios (one Chromium session measures them all). */
  uiRuns(): Promise<UiRun[]>;
  log(message: string): void;
}

export interface Latency {
  commitMs: number;
  frameMs: number;
  /** Search: keydown → the frame after the summary's figures caught up (see page/probe-interaction.ts). */
  summaryFrameMs?: number;
}

export interface UiRun {
  coldStartMs: number;
  firstRowInDomMs: number;
  readFileMs: number;
  cacheBytes: number;
  listCoreMs: number | null;
  listPageMs: number | null;
  listTransferMs: number | null;
  listJsonChars: number | null;
  listAskedAtMs: number | null;
  /** The boot's waterfall until the first invoices.list, as text (ui-worker's bootOf). */
  boot: string;
  renderAfterListMs: number | null;
  structuredCloneMs: number;
  /** The core's list windows encoded ahead while an answer crossed to the page, in all (0 when the core reads none ahead). */
  listReadAheadMs: number;
  /** The Electron model of "every invoice loaded" (lib/electron-estimate.ts), with its components. */
  electronTimeline: Timeline | null;
  /** The same model fed the harness's own JSON crossing: what it says the harness took (to set beside `allRowsMs`). */
  harnessReplayMs: number | null;
  rows: number;
  /** Navigation → every invoice loaded (the workspace's row count says data-complete="true"). */
  allRowsMs: number | null;
  /** Every invoices.list window of the start: calls, rows, crossing in all (null when calls and answers do not pair up), JSON size. */
  listCalls: number;
  listRows: number;
  listTransferAllMs: number | null;
  listJsonCharsAll: number;
  /** How the list's windows crossed to the page (lib/crossing.ts), and the bytes fetched beside the JSON text in all (0: json). */
  crossing: Crossing;
  listBytesAll: number;
  search: Latency[];
  sort: Latency[];
  scroll: { frames: number; frameP95: number; frameMax: number; longTasks: number; longTaskTotalMs: number; longestTaskMs: number; blankFrames: number; rowsTravelled: number };
}

export interface Scenario {
  name: string;
  run(context: BenchContext): Promise<ResultRow[]>;
}
