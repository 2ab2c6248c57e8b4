import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The import boundaries between the deployables (ARCHITECTURE.md, issue 6):
 * - edge/ is deployed as a Supabase Edge Function: it imports only edge/ and npm packages
 *   (no Node built-ins, nothing of the Node host);
 * - web/ is a browser bundle: from edge/ it takes types only (`import type` from
 *   edge/api-types.ts or the contract schemas), and nothing from server/, seed/ or supabase/;
 * - supabase/functions (the Edge Function entry points) import only edge/ (and themselves).
 * Tests are not deployed and may reach for test support; they are left out.
 */

const root = resolve(new URL('..', import.meta.url).pathname);
const SOURCE = /\.(ts|tsx|mts|js|mjs)$/;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist') out.push(...sources(path));
    } else if (SOURCE.test(entry.name) && !/\.test\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      out.push(path);
    }
  }
  return out;
}

interface Import {
  file: string;
  specifier: string;
  typeOnly: boolean;
  /** For relative specifiers: the target, relative to the repository root. */
  target?: string;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(join(root, file), 'utf8');
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: Import[] = [];
  const add = (specifier: string, typeOnly: boolean) => {
    const target = specifier.startsWith('.')
      ? relative(root, resolve(dirname(join(root, file)), specifier))
      : undefined;
    found.push({ file, specifier, typeOnly, target });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const allNamedTypes =
        !!clause &&
        !clause.name &&
        !!clause.namedBindings &&
        ts.isNamedImports(clause.namedBindings) &&
        clause.namedBindings.elements.length > 0 &&
        clause.namedBindings.elements.every((e) => e.isTypeOnly);
      add(node.moduleSpecifier.text, !!clause?.isTypeOnly || allNamedTypes);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.isTypeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const ref = node.moduleReference.expression;
      if (ts.isStringLiteral(ref)) add(ref.text, node.isTypeOnly);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      add(node.arguments[0].text, false);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      add(node.argument.literal.text, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const inside = (target: string | undefined, dir: string) =>
  !!target && (target === dir || target.startsWith(`${dir}/`));
const show = (i: Import) => `${i.file}: ${i.typeOnly ? 'import type' : 'import'} '${i.specifier}'`;
const isBuiltin = (specifier: string) =>
  specifier.startsWith('node:') ||
  ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'net', 'url'].includes(specifier);

describe('import boundaries', () => {
  it('edge/ imports only edge/ and npm packages', () => {
    const bad = sources('edge')
      .flatMap(importsOf)
      .filter((i) => (i.target ? !inside(i.target, 'edge') : isBuiltin(i.specifier)));
    expect(bad.map(show)).toEqual([]);
  });

  it('web/ takes only types from edge/ (its API types and contract schemas), and nothing from the server side', () => {
    const apiTypes = (target: string) =>
      /^edge\/api-types(\.ts)?$/.test(target) ||
      inside(target, 'edge/contract') ||
      /^edge\/.*schemas?(\.ts)?$/.test(target);
    const bad = sources('web')
      .flatMap(importsOf)
      .filter((i) => {
        if (!i.target) return isBuiltin(i.specifier);
        if (inside(i.target, 'web')) return false;
        return !(inside(i.target, 'edge') && i.typeOnly && apiTypes(i.target));
      });
    expect(bad.map(show)).toEqual([]);
  });

  it('supabase/functions imports only edge/ and its own files', () => {
    const bad = sources('supabase/functions')
      .flatMap(importsOf)
      .filter((i) =>
        i.target ? !inside(i.target, 'edge') && !inside(i.target, 'supabase/functions') : isBuiltin(i.specifier),
      );
    expect(bad.map(show)).toEqual([]);
  });

  it('sees the imports it checks (the checker itself works)', () => {
    const app = importsOf('supabase/functions/api/app.ts');
    expect(app.some((i) => i.target?.startsWith('edge/'))).toBe(true);
    expect(importsOf('edge/app.ts').some((i) => i.specifier === 'hono')).toBe(true);
  });
});
