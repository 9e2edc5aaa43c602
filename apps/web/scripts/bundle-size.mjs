// Gzipped size of the JavaScript the browser loads before the first frame: the entry script
// and every module it preloads, read from the built index.html. Run after `vite build`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const files = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\.?\/?([^"]+\.js)"/g)].map((match) => match[1]);
let total = 0;
let game = 0;
const rows = files.map((file) => {
  const bytes = readFileSync(join(dist, file));
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  total += gzipped;
  if (!file.includes('phaser')) game += gzipped;
  return `  ${file.padEnd(36)} ${(bytes.length / 1024).toFixed(1).padStart(8)} kB raw ${(gzipped / 1024).toFixed(1).padStart(7)} kB gzip`;
});
console.log(`JavaScript loaded before the first frame (${files.length} files):`);
console.log(rows.join('\n'));
console.log(`total ${(total / 1024).toFixed(1)} kB gzip (target ≤ 420), game code ${(game / 1024).toFixed(1)} kB gzip (target ≤ 60)`);
