/**
 * Words of the double-click-to-connect screens (built-in client id, provisioned connections),
 * kept in one module until the app's i18next catalogue lands.
 */
export const BUILT_IN_CLIENT_HINT = 'Leave empty to use the client id built into this copy of Budgetly; change it only if your Salesforce admin gave you another.';
