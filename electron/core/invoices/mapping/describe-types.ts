/** The parts of Salesforce's describe answers the invoices module reads. */

export interface GlobalObject {
  name: string;
  label: string;
  custom: boolean;
  queryable: boolean;
}

export interface FieldDescribe {
  name: string;
  label: string;
  type: string;
  custom?: boolean;
  referenceTo?: string[];
  relationshipName?: string | null;
  /** A picklist's values (inactive ones too, flagged). */
  picklistValues?: { value: string; label?: string | null; active?: boolean }[];
}

export interface ChildRelationship {
  childSObject: string;
  field: string;
  relationshipName: string | null;
}

export interface ObjectDescribe {
  name: string;
  label: string;
  fields: FieldDescribe[];
  childRelationships?: ChildRelationship[];
}

/** Field types whose values the app can show as plain scalars (compound and binary types are left out). */
const UNREADABLE_TYPES = new Set(['address', 'location', 'base64', 'anyType', 'complexvalue']);

export function isScalarField(field: FieldDescribe): boolean {
  return !UNREADABLE_TYPES.has(field.type);
}

export function findField(describe: ObjectDescribe, name: string): FieldDescribe | undefined {
  const lower = name.toLowerCase();
  return describe.fields.find((field) => field.name.toLowerCase() === lower);
}
