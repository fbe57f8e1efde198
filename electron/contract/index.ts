export * from './errors';
export * from './models';
export * from './channels';
export * from './channel-names';
export * from './bridge';
