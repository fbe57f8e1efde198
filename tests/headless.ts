/**
 * The light half of what scripts/ may use of the tests' world (the whole of it is tests/index.ts): the core's
 * ports without Electron, the local org's HTTP sign-in and the static server. Nothing here loads a server, a
 * browser or a bundler, so the benchmarks' worker processes, whose memory is measured, import this file: a
 * bundled worker loads every module its entry re-exports, and the org server, Playwright and esbuild cost
 * ~100 MiB of RSS before the first request.
 */
export { HttpLoginAgent, signIn } from './org/headless-login.ts';
export { MemoryLogger, RecordingEvents, RecordingShell, ScriptedConfirm, ScriptedFolderDialog, ScriptedOpenDialog, ScriptedSaveDialog, TestSecretBox, createTestStore, noPdfPrinter } from './support/test-ports';
export { serveStatic } from './support/static-server';
