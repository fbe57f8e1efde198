import { describe, expect, it } from 'vitest';
import { machinePolicyPath } from '../../../electron/core/policy/policy-reader';
import { MAX_POLICY_BYTES, parsePolicyFile } from '../../../electron/core/policy/policy-file';
import { englishT } from '../../../electron/core/policy/policy-text';
import { lockViolation } from '../../../electron/core/policy/policy-locks';
import { NO_POLICY_LOCKS, type PolicyLocks, type SyncInterval } from '../../../electron/contract';
import { intervalWithinBounds } from '../../../electron/contract/sync-interval-bounds';

/** The machine-wide policy file's format (1): what IT writes is read exactly; anything wrong refuses the whole file, naming it. */
const bytes = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const acme = { name: 'Acme production', loginUrl: 'https://acme.my.salesforce.com', clientId: '3MVG9_acme', signInMethod: 'browser' };
const full = {
  budgetly: 1,
  connections: [acme, { name: 'Acme sandbox', loginUrl: 'test.salesforce.com' }],
  settings: { signInMethod: 'browser', allowWeakStorage: false, syncInterval: { min: 15, max: 60 }, updates: 'notify' },
};

describe('policy file format 1', () => {
  it('reads predefined connections and locked settings exactly', () => {
    expect(parsePolicyFile(bytes(full), { builtInClientIds: { default: null, sandbox: '3MVG9_built_in_sandbox', byLoginHost: {} } })).toEqual({
      ok: true,
      policy: {
        connections: [
          { label: 'Acme production', loginUrl: 'https://acme.my.salesforce.com', clientId: '3MVG9_acme', signInMethod: 'browser' },
          { label: 'Acme sandbox', loginUrl: 'https://test.salesforce.com' },
        ],
        locks: { signInMethod: 'browser', weakStorageNeverAllowed: true, syncInterval: { min: 15, max: 60 }, updates: 'notify' },
      },
    });
  });

  it('an empty policy (only the version) locks nothing and adds nothing', () => {
    expect(parsePolicyFile(bytes({ budgetly: 1 }))).toEqual({
      ok: true,
      policy: { connections: [], locks: { signInMethod: null, weakStorageNeverAllowed: false, syncInterval: null, updates: null } },
    });
  });

  it.each([
    ['broken JSON', bytes('{"budgetly": 1, "settings": {'), /not valid JSON/],
    ['not UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), /not valid JSON/],
    ['a JSON array', bytes([full]), /top level must be a JSON object/],
    ['no version', bytes({ settings: {} }), /no "budgetly" version/],
    ['a newer version', bytes({ budgetly: 2 }), /format 2, which this version of Budgetly does not know/],
    ['an unknown top-level field', bytes({ ...full, lockEverything: true }), /field Budgetly does not know: lockEverything/],
    ['an unknown setting', bytes({ budgetly: 1, settings: { theme: 'dark' } }), /settings has a field Budgetly does not know: theme/],
    ['weaker storage allowed', bytes({ budgetly: 1, settings: { allowWeakStorage: true } }), /settings\.allowWeakStorage is not valid/],
    ['an interval the app does not offer', bytes({ budgetly: 1, settings: { syncInterval: { min: 1 } } }), /settings\.syncInterval\.min is not valid/],
    ['bounds the wrong way round', bytes({ budgetly: 1, settings: { syncInterval: { min: 60, max: 5 } } }), /"min" longer than its "max"/],
    ['an unknown sign-in method', bytes({ budgetly: 1, settings: { signInMethod: 'password' } }), /settings\.signInMethod is not valid/],
    ['a connection with an unknown field', bytes({ budgetly: 1, connections: [{ ...acme, password: 'x' }] }), /connection 1 .*does not know: password/],
    ['an http login host', bytes({ budgetly: 1, connections: [{ ...acme, loginUrl: 'http://acme.my.salesforce.com' }] }), /connection 1 .*must start with https/],
    ['a lookalike login host', bytes({ budgetly: 1, connections: [acme, { ...acme, name: 'B', loginUrl: 'https://login.salesforce.com.evil.example' }] }), /connection 2 .*not a Salesforce login address/],
    ['an Experience Cloud site', bytes({ budgetly: 1, connections: [{ ...acme, loginUrl: 'https://acme.force.com' }] }), /not a Salesforce login address/],
    ['credentials in the login URL', bytes({ budgetly: 1, connections: [{ ...acme, loginUrl: 'https://admin:pw@acme.my.salesforce.com' }] }), /must not contain a user name or password/],
    ['a connection without a name', bytes({ budgetly: 1, connections: [{ loginUrl: acme.loginUrl }] }), /connection 1 .*no “name”/],
    ['a connection without a client id, the build having none', bytes(full), /connection 2 .*no “clientId”, and this build of Budgetly has none built in for https:\/\/test\.salesforce\.com/],
    ['two connections with one name', bytes({ budgetly: 1, connections: [acme, acme] }), /two connections are named “Acme production”/],
    ['more than 1 MB', bytes(`{"budgetly":1,"x":"${'a'.repeat(MAX_POLICY_BYTES)}"}`), /more than the 1 MB/],
  ])('refuses %s, saying what was wrong', (_kind, input, message) => {
    const result = parsePolicyFile(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message(englishT)).toMatch(message);
  });

  it('accepts the local org only as an exact extra origin', () => {
    const local = bytes({ budgetly: 1, connections: [{ name: 'Local', loginUrl: 'http://127.0.0.1:4100', clientId: 'budgetly-local' }] });
    expect(parsePolicyFile(local).ok).toBe(false);
    expect(parsePolicyFile(local, { extraOrigins: ['http://127.0.0.1:4100'] })).toMatchObject({ ok: true, policy: { connections: [{ loginUrl: 'http://127.0.0.1:4100' }] } });
  });
});

describe('where the policy file is looked for', () => {
  it('is the system-wide folder of each platform', () => {
    expect(machinePolicyPath('linux', {})).toBe('/etc/budgetly/policy.json');
    expect(machinePolicyPath('darwin', {})).toBe('/Library/Application Support/Budgetly/policy.json');
    expect(machinePolicyPath('win32', { ProgramData: 'D:\\ProgramData' })).toBe('D:\\ProgramData\\Budgetly\\policy.json');
    expect(machinePolicyPath('win32', {})).toBe('C:\\ProgramData\\Budgetly\\policy.json');
  });
});

describe('the sync-interval bounds', () => {
  const intervals: SyncInterval[] = [5, 15, 60, 'off'];
  const bounds: PolicyLocks['syncInterval'][] = [null, { min: 15, max: null }, { min: null, max: 15 }, { min: 15, max: 60 }, { min: 5, max: 5 }];

  it('allow what Settings offers within them: "off" only without a max', () => {
    expect(intervals.filter((interval) => intervalWithinBounds(interval, { min: 15, max: 60 }))).toEqual([15, 60]);
    expect(intervals.filter((interval) => intervalWithinBounds(interval, { min: 15, max: null }))).toEqual([15, 60, 'off']);
    expect(intervals.filter((interval) => intervalWithinBounds(interval, { min: null, max: 15 }))).toEqual([5, 15]);
  });

  it('are one rule: the core refuses exactly the choices Settings disables', () => {
    for (const bound of bounds) {
      for (const interval of intervals) {
        const refused = lockViolation({ syncInterval: interval }, { ...NO_POLICY_LOCKS, syncInterval: bound }, '/etc/budgetly/policy.json') !== null;
        expect(refused, `${String(interval)} within ${JSON.stringify(bound)}`).toBe(!intervalWithinBounds(interval, bound));
      }
    }
  });
});
