import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// packages/sim runs in the browser and on the server and must replay bit for bit: it may not
// reach for the clock, Math.random, Node, the DOM or the apps. The type check already lacks
// Node and DOM types; this test names the offending line for everything else.
const SOURCE_ROOT = new URL('.', import.meta.url).pathname;
const ALLOWED_PACKAGES = ['zod', 'pure-rand'];
const FORBIDDEN: [RegExp, string][] = [
  [/\bMath\.random\b/, 'Math.random (use a seeded RandomStream)'],
  [/\bDate\b/, 'Date (the simulation has no clock; time is ticks)'],
  [/\bperformance\.now\b/, 'performance.now'],
  [/\b(process|window|document|localStorage|navigator|globalThis)\b/, 'a host global'],
  [/\b(setTimeout|setInterval|queueMicrotask|fetch)\s*\(/, 'timers or I/O'],
  [/\brequire\s*\(/, 'require()'],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test-support' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function violations(file: string): string[] {
  const found: string[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      const where = `${relative(SOURCE_ROOT, file)}:${index + 1}`;
      const code = line.replace(/\/\/.*$/, '').replace(/'[^']*'|"[^"]*"|`[^`]*`/g, "''");
      for (const [pattern, what] of FORBIDDEN) if (pattern.test(code) && !/^\s*\*/.test(line)) found.push(`${where}: ${what}`);
      const imported = /\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]/.exec(line);
      const specifier = imported?.[1] ?? imported?.[2];
      if (specifier && !specifier.startsWith('.')) {
        const allowed = ALLOWED_PACKAGES.some((name) => specifier === name || specifier.startsWith(`${name}/`));
        if (!allowed) found.push(`${where}: imports "${specifier}" (only ${ALLOWED_PACKAGES.join(', ')} and relative files)`);
      }
      if (specifier?.startsWith('.') && /\.\.\/\.\.\//.test(specifier) && !specifier.includes('/src/')) {
        const target = join(file, '..', specifier);
        if (!target.startsWith(SOURCE_ROOT)) found.push(`${where}: reaches outside packages/sim ("${specifier}")`);
      }
    });
  return found;
}

describe('packages/sim stays pure', () => {
  it('has no clock, no Math.random, no host globals and imports only zod, pure-rand and itself', () => {
    const files = sourceFiles(SOURCE_ROOT);
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap(violations)).toEqual([]);
  });

  it('the check itself catches a forbidden line', () => {
    const pattern = FORBIDDEN.find(([, what]) => what.startsWith('Math.random'))?.[0];
    expect(pattern?.test('const roll = Math.random();')).toBe(true);
  });
});
