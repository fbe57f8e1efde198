/** What a connected session consists of. Lives in the main process only; sealed at rest by the token vault. */
export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  instanceUrl: string;
}
