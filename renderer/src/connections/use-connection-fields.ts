import type { TFunction } from 'i18next';
import { useState } from 'react';
import type { SignInMethod } from '../../../electron/contract';
import { builtInClientIdFor, NO_BUILT_IN_CLIENT, type BuiltInClientIds } from '../../../electron/contract/built-in-client';
import { loginUrlFor, type OrgKind } from '../../../electron/contract/login-host';
import type { CatalogueT } from '../../../electron/contract/i18n/catalogue';
import { createMessageSpeaker } from '../../../electron/contract/i18n/spoken-messages';

export interface ConnectionFieldValues {
  kind: OrgKind;
  myDomain: string;
  label: string;
  clientId: string;
  signInMethod: SignInMethod;
}

/** The state behind the add and edit connection forms: their fields, validation and submit status. */
export function useConnectionFields(t: TFunction<'connections'>, initial: ConnectionFieldValues, builtInClientIds: BuiltInClientIds = NO_BUILT_IN_CLIENT) {
  const [kind, setKind] = useState<OrgKind>(initial.kind);
  const [myDomain, setMyDomain] = useState(initial.myDomain);
  const [label, setLabel] = useState(initial.label);
  const [clientId, setClientId] = useState(initial.clientId);
  const [clientSecret, setClientSecret] = useState('');
  const [signInMethod, setSignInMethod] = useState<SignInMethod>(initial.signInMethod);
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // The core checks the exact local-org origin; the form only hints, so it lets loopback addresses through.
  const host = loginUrlFor(kind, myDomain, { anyLoopback: true });
  // The rule's reasons are English (shared with the core): said in the user's language.
  const domainError = kind === 'mydomain' && touched && !host.ok ? createMessageSpeaker(() => t as unknown as CatalogueT)(host.message) : null;
  // The build's client id for this login host, if it carries one: then the field may stay empty.
  const builtInClientId = host.ok ? builtInClientIdFor(host.url, builtInClientIds) : null;
  const clientIdError = touched && !clientId.trim() && !builtInClientId ? t('clientIdMissing') : null;

  /** Everything LoginHostFields takes but the form's id (and `disabled`). */
  const hostFields = { kind, onKind: setKind, myDomain, onMyDomain: setMyDomain, domainError, onDomainBlur: () => setTouched(true) };

  return {
    ...{ hostFields, label, setLabel, clientId, setClientId, clientSecret, setClientSecret },
    ...{ signInMethod, setSignInMethod, touched, setTouched, saving, setSaving, error, setError, host, clientIdError, builtInClientId },
  };
}
