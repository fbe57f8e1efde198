import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** The mark a throw site carries (in a comment just above it or on its line) when its message never reaches a user. */
export const NEVER_USER_FACING = 'never-user-facing';

/**
 * `new AppError(code, message)` calls in a source whose message is written inline (a string, a template or a
 * concatenation with text in it) instead of coming from the catalogue (`englishMessage(key)`, a text builder
 * taking `t`). One line each: `file:line  the start of the message`.
 */
export function inlineAppErrorMessages(source: string, fileName: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  // Constants of the file holding inline text: `const GONE = 'This invoice is gone.'` thrown as `new AppError(code, GONE)`.
  const inlineConstants = new Set<string>();
  const collect = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && hasInlineText(node.initializer)) inlineConstants.add(node.name.text);
    ts.forEachChild(node, collect);
  };
  collect(file);
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'AppError') {
      const message = node.arguments?.[1];
      const inline = message && (hasInlineText(message) || (ts.isIdentifier(message) && inlineConstants.has(message.text)));
      if (message && inline && !marked(source, file, node)) {
        const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
        found.push(`${fileName}:${line}  ${message.getText(file).slice(0, 70)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Text a reader would see: a string or template with letters, or such a piece inside `+`, `?:` or `??`. */
function hasInlineText(node: ts.Node): boolean {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return /\p{L}{2}/u.test(node.text);
  if (ts.isTemplateExpression(node)) return /\p{L}{2}/u.test([node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' '));
  if (ts.isParenthesizedExpression(node)) return hasInlineText(node.expression);
  if (ts.isBinaryExpression(node)) return hasInlineText(node.left) || hasInlineText(node.right);
  if (ts.isConditionalExpression(node)) return hasInlineText(node.whenTrue) || hasInlineText(node.whenFalse);
  return false;
}

/** The mark on the statement's own lines or in the comment lines right above it. */
function marked(source: string, file: ts.SourceFile, node: ts.Node): boolean {
  let statement: ts.Node = node;
  while (statement.parent && !ts.isSourceFile(statement.parent) && !ts.isBlock(statement.parent)) statement = statement.parent;
  const comments = ts.getLeadingCommentRanges(source, statement.getFullStart()) ?? [];
  return comments.some((range) => source.slice(range.pos, range.end).includes(NEVER_USER_FACING)) || statement.getText(file).includes(NEVER_USER_FACING);
}

/** Every .ts file under the folders (relative to root), skipping the catalogue's own locales. */
export function sourceFiles(root: string, folders: string[]): { path: string; source: string }[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'locales' ? [] : walk(full);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
    });
  return folders.flatMap((folder) => walk(join(root, folder))).map((path) => ({ path: relative(root, path), source: readFileSync(path, 'utf8') }));
}
