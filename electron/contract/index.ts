export * from './errors';
export * from './models';
export * from './channels';
export * from './channel-names';
export * from './bridge';
export * from './login-host';
export * from './built-in-client';
export * from './provisioning';
