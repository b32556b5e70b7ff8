import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layout's rules, checked over the import graph of the project's own modules (read as text: every import of
// this code base is a static string): one direction of flow, nothing the product runs under test/, no cycles.

const ROOT = resolve(import.meta.dirname, '../..');
const SOURCE = /\.(ts|tsx|mjs|astro)$/;
const EXTENSIONS = ['', '.ts', '.tsx', '.mjs', '.js', '.astro', '/index.ts'];
// `import … from '…'`, `import '…'`, `export … from '…'` and `import('…')`; group 1 is `type ` for a type-only
// import, which is erased from the JavaScript and so carries no code into a bundle.
const IMPORT = /\b(?:import|export)\s+(type\s+)?(?:[^'";]*?\bfrom\s*)?['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]/g;

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

const FILES = ['src', 'scripts', 'tools', 'test'].filter((dir) => existsSync(join(ROOT, dir))).flatMap(filesUnder);

/**
 * A module's imports: repository paths for relative ones, the bare specifier for packages; `runtime` leaves out the
 * type-only ones.
 */
function importsOf(file: string): { local: string[]; runtime: string[]; packages: string[] } {
  const local: string[] = [];
  const runtime: string[] = [];
  const packages: string[] = [];
  for (const [, typeOnly, staticSpecifier, dynamicSpecifier] of readFileSync(join(ROOT, file), 'utf8').matchAll(IMPORT)) {
    const specifier = (staticSpecifier ?? dynamicSpecifier)!;
    if (!specifier.startsWith('.')) {
      packages.push(specifier);
      continue;
    }
    const base = resolve(ROOT, dirname(file), specifier);
    const found = EXTENSIONS.map((ext) => base + ext).find((path) => existsSync(path) && statSync(path).isFile());
    if (!found) continue;
    local.push(relative(ROOT, found));
    if (!typeOnly) runtime.push(relative(ROOT, found));
  }
  return { local, runtime, packages };
}

const GRAPH = new Map(FILES.map((file) => [file, importsOf(file)]));
const under = (file: string, ...dirs: string[]) => dirs.some((dir) => file.startsWith(`${dir}/`));

describe('the layout', () => {
  it('reads the whole tree', () => {
    expect(GRAPH.size).toBeGreaterThan(150);
    expect(GRAPH.get('src/lib/view/query.ts')!.local).toContain('src/lib/view/facets.ts');
  });

  it('has nothing outside test/ that imports from test/', () => {
    const offenders = [...GRAPH].filter(([file]) => !under(file, 'test')).flatMap(([file, { local }]) =>
      local.filter((target) => under(target, 'test')).map((target) => `${file} → ${target}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps src/lib pure: no components, browser code, build code, DOM framework or Node API', () => {
    const offenders = [...GRAPH].filter(([file]) => under(file, 'src/lib')).flatMap(([file, { local, packages }]) => [
      ...local.filter((target) => !under(target, 'src/lib')).map((target) => `${file} → ${target}`),
      ...packages.filter((name) => name.startsWith('node:') || name.startsWith('preact')).map((name) => `${file} → ${name}`),
    ]);
    expect(offenders).toEqual([]);
  });

  it('keeps zod out of the browser: no component or client module imports code that reaches the snapshot schema', () => {
    const reachesZod = (file: string, seen = new Set<string>()): string[] | null => {
      if (seen.has(file)) return null;
      seen.add(file);
      const node = GRAPH.get(file);
      if (!node) return null;
      if (node.packages.includes('zod')) return [file];
      for (const target of node.runtime) {
        const path = reachesZod(target, seen);
        if (path) return [file, ...path];
      }
      return null;
    };
    const browser = [...GRAPH.keys()].filter((file) => under(file, 'src/components', 'src/client') && !file.endsWith('.astro'));
    expect(browser.length).toBeGreaterThan(10);
    expect(browser.map((file) => reachesZod(file)).filter(Boolean)).toEqual([]);
  });

  it('has no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      stack.push(file);
      for (const target of GRAPH.get(file)?.local ?? []) {
        if (state.get(target) === 'open') cycles.push([...stack.slice(stack.indexOf(target)), target].join(' → '));
        else if (!state.has(target)) visit(target);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of GRAPH.keys()) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});
