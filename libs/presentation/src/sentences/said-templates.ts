/**
 * Every template the code says (`say\`…\``), read from the sources: what the sentence catalogue must cover. Used by
 * sentences.unit.spec.ts; the keys are computed as `say` computes them (literal parts, `{i}` for the i-th value).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

export function saidTemplates(roots: string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of roots.flatMap(sourceFiles)) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('say`')) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isTaggedTemplateExpression(node) && node.tag.getText(source) === 'say') {
        const template = node.template;
        const key = ts.isNoSubstitutionTemplateLiteral(template)
          ? template.text
          : template.templateSpans.reduce((k, span, i) => `${k}{${i}}${span.literal.text}`, template.head.text);
        if (!found.has(key))
          found.set(key, `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}
