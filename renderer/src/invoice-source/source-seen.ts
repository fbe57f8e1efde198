/** Whether the user has looked at (or dismissed) the invoice source of a connection: then it is not offered again. */
const key = (connectionId: string) => `budgetly.invoiceSourceSeen.${connectionId}`;

export function sourceSeen(connectionId: string): boolean {
  try {
    return localStorage.getItem(key(connectionId)) === '1';
  } catch {
    return false;
  }
}

export function markSourceSeen(connectionId: string): void {
  try {
    localStorage.setItem(key(connectionId), '1');
  } catch {
    // storage unavailable: offered again next time
  }
}
