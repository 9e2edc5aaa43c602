// `npm start` for the server. In a development checkout (turbo installed) it first brings the
// build up to date — turbo's cache makes that a second when nothing changed — so a fresh clone
// or a load harness that runs `npm run start -w @ttc/server` never meets a missing or stale
// build. A production install (`npm ci --omit=dev`) has no turbo and runs the build it was given.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const turbo = fileURLToPath(new URL('node_modules/.bin/turbo', `file://${root}`));
const entry = new URL('../dist/index.js', import.meta.url);

if (existsSync(turbo)) {
  const built = spawnSync(turbo, ['run', 'build', '--filter=@ttc/server', '--output-logs=errors-only'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
  if (built.status !== 0) {
    process.stderr.write('Tame the Chaos cannot start: building the server failed (see above).\n');
    process.exit(built.status ?? 1);
  }
}
if (!existsSync(entry)) {
  process.stderr.write('Tame the Chaos cannot start: apps/server/dist is missing. Run `npm run build` first.\n');
  process.exit(1);
}
await import(entry.href);
