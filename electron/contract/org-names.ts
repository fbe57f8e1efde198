/**
 * "All connections": each org under a name no other org there has. Two connections may carry one name (a full sandbox
 * keeps its production org's Organization name; two connections named after one login host), and the Org column, its
 * sort, the per-org totals and the combined export go by name: one "Acme Corp" would mix a sandbox's test invoices
 * with the production org's receivables. A repeated name gets its Salesforce user (unique across Salesforce), then
 * its place. `null` entries (no such org) stay null.
 */
export function distinctOrgNames(orgs: readonly ({ label: string; username?: string | undefined } | null)[]): (string | null)[] {
  const count = new Map<string, number>();
  for (const org of orgs) if (org) count.set(org.label, (count.get(org.label) ?? 0) + 1);
  const used = new Set<string>();
  return orgs.map((org, place) => {
    if (!org) return null;
    if (count.get(org.label)! < 2) return org.label;
    let name = org.username ? `${org.label} (${org.username})` : `${org.label} (${place + 1})`;
    if (used.has(name)) name = `${name} (${place + 1})`;
    used.add(name);
    return name;
  });
}
