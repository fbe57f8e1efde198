import type { FieldDef, Table } from '../schema/table.ts';

const SOAP: Record<string, string> = {
  id: 'tns:ID', reference: 'tns:ID', string: 'xsd:string', picklist: 'xsd:string', textarea: 'xsd:string',
  phone: 'xsd:string', date: 'xsd:date', datetime: 'xsd:dateTime', currency: 'xsd:double', double: 'xsd:double',
  int: 'xsd:int', boolean: 'xsd:boolean', base64: 'xsd:base64Binary',
};

function urls(base: string, t: Table): Record<string, string> {
  return {
    rowTemplate: `${base}/sobjects/${t.name}/{ID}`,
    defaultValues: `${base}/sobjects/${t.name}/defaultValues?recordTypeId&fields`,
    describe: `${base}/sobjects/${t.name}/describe`,
    sobject: `${base}/sobjects/${t.name}`,
  };
}

export function sobjectSummary(base: string, t: Table): Record<string, unknown> {
  const decoy = t.name === 'SalesforceInvoice';
  return {
    activateable: false, associateEntityType: null, associateParentEntity: null,
    createable: !decoy, custom: t.custom, customSetting: false, deepCloneable: false,
    deletable: !decoy, deprecatedAndHidden: false, feedEnabled: false, hasSubtypes: false, isInterface: false,
    isSubtype: false, keyPrefix: t.keyPrefix, label: t.label, labelPlural: t.labelPlural, layoutable: true,
    mergeable: t.name === 'Account', mruEnabled: true, name: t.name, queryable: true, replicateable: true,
    retrieveable: true, searchable: !decoy, triggerable: !decoy, undeletable: !decoy, updateable: !decoy,
    urls: urls(base, t),
  };
}

export function describeGlobal(base: string, tables: Table[]): Record<string, unknown> {
  return { encoding: 'UTF-8', maxBatchSize: 200, sobjects: tables.map((t) => sobjectSummary(base, t)) };
}

function describeField(t: Table, f: FieldDef): Record<string, unknown> {
  const money = f.type === 'currency' || f.type === 'double';
  const text = ['string', 'picklist', 'textarea', 'phone'].includes(f.type);
  const isId = f.type === 'id' || f.type === 'reference';
  const system = ['Id', 'IsDeleted', 'CreatedDate', 'LastModifiedDate', 'SystemModstamp'].includes(f.name);
  return {
    aggregatable: f.type !== 'textarea', aiPredictionField: false, autoNumber: !!f.autoNumber,
    byteLength: text ? (f.length ?? 255) * 3 : isId ? 18 : 0, calculated: false, calculatedFormula: null,
    cascadeDelete: false, caseSensitive: false, compoundFieldName: null, controllerName: null,
    createable: !system && !f.autoNumber, custom: !!f.custom, defaultValue: null, defaultValueFormula: null,
    defaultedOnCreate: system || f.type === 'boolean', dependentPicklist: false, deprecatedAndHidden: false,
    digits: 0, displayLocationInDecimal: false, encrypted: false, externalId: false, extraTypeInfo: null,
    filterable: true, filteredLookupInfo: null, formulaTreatNullNumberAsZero: false, groupable: !money,
    highScaleNumber: false, htmlFormatted: false, idLookup: f.name === 'Id' || !!f.autoNumber,
    inlineHelpText: null, label: f.label, length: text ? (f.length ?? 255) : isId ? 18 : 0, mask: null, maskType: null,
    name: f.name, nameField: f.name === 'Name' || (!t.fields.some((x) => x.name === 'Name') && ['DocumentNumber', 'PaymentNumber'].includes(f.name)),
    namePointing: false, nillable: f.nillable ?? false, permissionable: !!f.nillable && !system,
    picklistValues: (f.picklist ?? []).map((v, i) => ({ active: true, defaultValue: i === 0 && f.name !== 'CurrencyIsoCode', label: v, validFor: null, value: v })),
    polymorphicForeignKey: false, precision: money ? (f.precision ?? 18) : 0, queryByDistance: false,
    referenceTargetField: null, referenceTo: f.referenceTo ? [f.referenceTo] : [],
    relationshipName: f.relationshipName ?? null, relationshipOrder: null, restrictedDelete: false,
    restrictedPicklist: f.type === 'picklist', scale: money ? (f.scale ?? 2) : 0, searchPrefilterable: false,
    soapType: SOAP[f.type] ?? 'xsd:string', sortable: f.type !== 'textarea', type: f.type, unique: false,
    updateable: !!f.updateable, writeRequiresMasterRead: false,
  };
}

export function describeSObject(base: string, t: Table, all: Table[]): Record<string, unknown> {
  const children = t.childRelationships.filter((c) => all.some((x) => x.name === c.childSObject));
  return {
    ...sobjectSummary(base, t),
    actionOverrides: [], childRelationships: children.map((c) => ({
      cascadeDelete: true, childSObject: c.childSObject, deprecatedAndHidden: false, field: c.field,
      junctionIdListNames: [], junctionReferenceTo: [], relationshipName: c.relationshipName, restrictedDelete: false,
    })),
    compactLayoutable: true, defaultImplementation: null, extendedBy: null, extendsInterfaces: null,
    fields: t.fields.filter((f) => !t.hidden.has(f.name.toLowerCase())).map((f) => describeField(t, f)),
    implementedBy: null, implementsInterfaces: null, listviewable: null, lookupLayoutable: null,
    namedLayoutInfos: [], networkScopeFieldName: null,
    recordTypeInfos: [{ active: true, available: true, defaultRecordTypeMapping: true, developerName: 'Master', master: true, name: 'Master', recordTypeId: '012000000000000AAA', urls: { layout: `${base}/sobjects/${t.name}/describe/layouts/012000000000000AAA` } }],
    searchLayoutable: true, sobjectDescribeOption: 'FULL', supportedScopes: [{ label: 'All invoices', name: 'everything' }],
    urls: { ...urls(base, t), layouts: `${base}/sobjects/${t.name}/describe/layouts` },
  };
}
