/** A Salesforce REST error: rendered as [{"message","errorCode"}] with the HTTP status. */
export class SfError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
  }
}

export const malformed = (message: string) => new SfError(400, 'MALFORMED_QUERY', message);

/** Salesforce's located-error format: query line, caret, "ERROR at Row:1:Column:N", message. */
export function located(soql: string, token: string, message: string): string {
  const flat = soql.replace(/\s+/g, ' ').trim();
  const re = new RegExp(`(^|[^A-Za-z0-9_.])(${token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})(?![A-Za-z0-9_])`, 'i');
  const m = re.exec(flat);
  const col = m ? m.index + m[1]!.length + 1 : 1;
  return `\n${flat}\n${' '.repeat(col - 1)}^\nERROR at Row:1:Column:${col}\n${message}`;
}

export function noSuchColumn(soql: string, field: string, entity: string): SfError {
  return new SfError(400, 'INVALID_FIELD', located(soql, field,
    `No such column '${field}' on entity '${entity}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`));
}

export function badRelationship(soql: string, path: string, rel: string): SfError {
  return new SfError(400, 'INVALID_FIELD', located(soql, path,
    `Didn't understand relationship '${rel}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`));
}

export function notSupportedType(soql: string, name: string): SfError {
  return new SfError(400, 'INVALID_TYPE', located(soql, name,
    `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`));
}
