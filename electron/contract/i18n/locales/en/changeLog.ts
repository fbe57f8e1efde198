/** "What changed": the change log of the syncs of this session, opened from the freshness area of the top bar. */
export const changeLog = {
  openHint: 'What the syncs of this session added, changed and deleted',
  title: 'What changed',
  close: 'Close',
  none: 'No sync has landed since Budgetly started.',
  syncAt: 'Sync {{when}}: {{summary}}',
  added: 'New',
  changed: 'Changed',
  deleted: 'Deleted in Salesforce',
  changedFields: 'Changed: {{fields}}',
  more_one: '… and {{count}} more',
  more_other: '… and {{count}} more',
  keptInMemory: 'Kept until Budgetly quits; not saved to disk.',
} as const;
