import { describe, expect, it } from 'vitest';
import { errorFacts } from '../../../electron/core/salesforce/error-facts';

describe('error facts', () => {
  it('reads a jsforce API error (named after its errorCode), an OAuth error and system codes along the cause chain', () => {
    const api = Object.assign(new Error('Session expired'), { name: 'INVALID_SESSION_ID', errorCode: 'INVALID_SESSION_ID' });
    expect(errorFacts(api)).toMatchObject({ name: 'INVALID_SESSION_ID', errorCode: 'INVALID_SESSION_ID', message: 'Session expired' });
    expect(errorFacts({ error: 'invalid_grant', error_description: 'expired' }).errorCode).toBe('invalid_grant');
    const dropped = new TypeError('fetch failed', { cause: Object.assign(new Error('socket'), { code: 'UND_ERR_SOCKET' }) });
    expect(errorFacts(dropped)).toMatchObject({ errorCode: undefined, systemCodes: ['UND_ERR_SOCKET'], chainCodes: ['TypeError', 'Error'], chainMessages: ['fetch failed', 'socket'] });
    const wrapped = new Error('sync failed', { cause: Object.assign(new Error('No such column'), { errorCode: 'INVALID_FIELD' }) });
    expect(errorFacts(wrapped).chainCodes).toEqual(['Error', 'INVALID_FIELD']);
    expect(errorFacts('not an object')).toEqual({ systemCodes: [], chainCodes: [], chainMessages: [] });
  });
});
