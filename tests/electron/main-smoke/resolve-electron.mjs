// Node module hook: 'electron' resolves to the fake, for the smoke child process only — for `import` (the main
// bundle) and for `require` (electron-updater, a CommonJS package, loads Electron with require() when used).
const fake = new URL('./fake-electron.mjs', import.meta.url).href;
export function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: fake, format: 'module', shortCircuit: true };
  return next(specifier, context);
}
