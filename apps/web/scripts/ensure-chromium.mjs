// Makes sure a Chromium is there for the browser tests: uses one that is installed, installs
// Debian's when running as root, or stops with the exact command to run.
import { spawnSync } from 'node:child_process';
import { findChromium } from './chromium-path.mjs';

const found = findChromium();
if (found) {
  process.exit(0);
}
if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, but no browser is there.`);
  process.exit(1);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    'No Chromium found for the browser tests. Install one, then run npm test again:\n  sudo apt-get update && sudo apt-get install -y chromium',
  );
  process.exit(1);
}
console.log("No Chromium found: installing Debian's chromium package (apt-get install -y chromium)…");
for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
  const result = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0) {
    console.error(`apt-get ${args.join(' ')} failed. Run it yourself: apt-get update && apt-get install -y chromium`);
    process.exit(1);
  }
}
if (!findChromium()) {
  console.error('chromium was installed but not found at /usr/bin/chromium; set CHROMIUM_PATH to its path.');
  process.exit(1);
}
console.log('Chromium installed.');
