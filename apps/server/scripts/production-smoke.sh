#!/usr/bin/env bash
# Production-install smoke (run by .ci/run; docs/deploy.md): the built server, copied with the
# package files into a clean directory, installed with `npm ci --omit=dev` (no tsx, no
# TypeScript, no dev tools), must start and answer /api/ready. Bounded: it gives up after 60 s.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d)
pid=""
cleanup() {
  # The whole process group: npm, its shell and the server (killing npm alone left the server running).
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do pgrep -g "$pid" >/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

cd "$root"
echo "production smoke: building the server and the packages it imports"
TURBO_TELEMETRY_DISABLED=1 npx turbo run build --filter=@ttc/server --output-logs=errors-only

# What a deployment carries: the lock file, every workspace's package.json (npm ci checks them
# against the lock), and the built output of the server and the packages it imports.
cp package.json package-lock.json .npmrc "$work/"
for workspace in apps/server apps/web packages/protocol packages/sim packages/sim-cli; do
  mkdir -p "$work/$workspace"
  cp "$workspace/package.json" "$work/$workspace/"
done
for built in apps/server packages/protocol packages/sim; do cp -r "$built/dist" "$work/$built/"; done
cp -r apps/server/scripts "$work/apps/server/"
if [ -d apps/web/dist ]; then cp -r apps/web/dist "$work/apps/web/"; fi

# better-sqlite3 has no reachable prebuilt binary here and would compile for a minute or two:
# hand its installer (prebuild-install, configured by .prebuild-installrc in a parent directory)
# the binary this checkout compiled, for the same Node ABI, as a local prebuild.
abi=$(node -p 'process.versions.modules')
version=$(node -p 'require("./node_modules/better-sqlite3/package.json").version')
prebuilds="$work/.prebuilds"
mkdir -p "$prebuilds"
tar -czf "$prebuilds/better-sqlite3-v$version-node-v$abi-$(node -p process.platform)-$(node -p process.arch).tar.gz" \
  -C node_modules/better-sqlite3 build/Release/better_sqlite3.node
echo "local-prebuilds=$prebuilds" >"$work/.prebuild-installrc"

cd "$work"
echo "production smoke: npm ci --omit=dev in $work"
npm ci --omit=dev --no-audit --no-fund --workspace @ttc/server >/dev/null
if [ -e node_modules/tsx ] || [ -e node_modules/typescript ]; then
  echo "production smoke: dev dependencies were installed" >&2
  exit 1
fi

port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
# In a session of its own, so that the clean-up can stop the server with npm.
(cd apps/server && PORT="$port" HOST=127.0.0.1 DATABASE_PATH="$work/data/smoke.db" LOG_LEVEL=info exec setsid npm start --silent) >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  if ready=$(curl -fsS "http://127.0.0.1:$port/api/ready" 2>/dev/null); then
    echo "production smoke: /api/ready answered $ready"
    if ! grep -q '"env":"production"' "$work/server.log"; then
      echo "production smoke: npm start did not run in production mode" >&2
      exit 1
    fi
    exit 0
  fi
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  sleep 0.5
done
echo "production smoke: the production install did not become ready; its output:" >&2
cat "$work/server.log" >&2
exit 1
