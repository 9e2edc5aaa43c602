import { writeFileSync } from 'node:fs';
import { GOLDEN_SESSIONS_FORMAT, playBotClass, playMixedClass } from '../src/test-support/golden-sessions.js';
import { TestRig } from '../src/test-support/test-rig.js';

// Records the golden classroom sessions on a real server with today's code. Run it only when a
// rule or the session's behaviour changes on purpose: the golden test exists to catch changes
// nobody meant.
const rig = new TestRig();
try {
  const { url } = await rig.server();
  const sessions = [await playBotClass(rig, url), await playMixedClass(rig, url)];
  writeFileSync(
    new URL('../src/golden/golden-sessions.json', import.meta.url),
    `${JSON.stringify({ format: GOLDEN_SESSIONS_FORMAT, sessions })}\n`,
  );
  for (const session of sessions) {
    const actors = new Set(session.log.entries.map((entry) => `${entry.actor.length > 12 ? 'player' : entry.actor}:${entry.command.type}`));
    process.stdout.write(
      `${session.name}: ${session.log.entries.length} entries, ${session.checkpoints.length} checkpoints; ${[...actors].sort().join(' ')}\n`,
    );
  }
} finally {
  await rig.close();
}
