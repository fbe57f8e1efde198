export * from './errors';
export * from './models';
export * from './receivables';
export * from './channels';
export * from './bridge';
