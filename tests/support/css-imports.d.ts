// A renderer component imports its stylesheet (`import './receivables.css'`: Vite bundles it). The tests that render
// such a component to markup (react-dom/server) load the stylesheets themselves; for their TypeScript, which has no
// Vite client types, a stylesheet import is a module with nothing in it (Vitest loads it as an empty one).
declare module '*.css';
