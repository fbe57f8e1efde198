// Stops `npm start`, `npm test` and `npm run bench` at once on a Node older than the one Electron ships.
// Plain JavaScript with no imports, so it runs (and says why) on any Node before anything else loads.
const wanted = 24;
const major = Number(process.versions.node.split('.')[0]);
if (major < wanted) {
  console.error(
    `Budgetly needs Node ${wanted} (the Node that Electron 45 runs); this is Node ${process.versions.node}. ` +
      'Run `nvm use` (the project has an .nvmrc), or see "Set up and run" in the README.',
  );
  process.exit(1);
}
