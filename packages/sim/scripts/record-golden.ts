import { writeFileSync } from 'node:fs';
import { GOLDEN_DEFINITIONS, GOLDEN_FORMAT, playGolden } from '../src/test-support/golden-games.js';

// Records the golden games with the rules as they are now. Run it only when a rule changes on
// purpose (and say so in the commit): the golden test exists to catch changes nobody meant.
const target = new URL('../src/golden/golden-games.json', import.meta.url);
const games = GOLDEN_DEFINITIONS.map(playGolden);
writeFileSync(target, `${JSON.stringify({ format: GOLDEN_FORMAT, games })}\n`);
for (const game of games) process.stdout.write(`${game.name}: ${game.commands.length} commands, ${game.checkpoints.length} hashes\n`);
