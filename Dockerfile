# Tame the Chaos classroom server (docs/deploy.md). Three stages: build everything, install the
# production dependencies alone, then run the built server as the unprivileged "node" user with
# the database on a volume.

# ——— 1. Build the game and the server ———
FROM node:22-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/
COPY packages/protocol/package.json packages/protocol/
COPY packages/sim/package.json packages/sim/
COPY packages/sim-cli/package.json packages/sim-cli/
RUN npm ci --no-audit --no-fund
COPY . .
RUN TURBO_TELEMETRY_DISABLED=1 npx turbo run build --filter=@ttc/web --filter=@ttc/server

# ——— 2. Production dependencies only (better-sqlite3 may compile here: this image has the tools) ———
FROM node:22-bookworm AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/
COPY packages/protocol/package.json packages/protocol/
COPY packages/sim/package.json packages/sim/
COPY packages/sim-cli/package.json packages/sim-cli/
RUN npm ci --omit=dev --no-audit --no-fund --workspace @ttc/server

# ——— 3. What runs ———
FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATABASE_PATH=/data/tame-the-chaos.db
WORKDIR /app
COPY --from=deps /app ./
COPY --from=build /app/packages/sim/dist packages/sim/dist
COPY --from=build /app/packages/protocol/dist packages/protocol/dist
COPY --from=build /app/apps/server/dist apps/server/dist
COPY --from=build /app/apps/server/scripts apps/server/scripts
COPY --from=build /app/apps/web/dist apps/web/dist
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
WORKDIR /app/apps/server
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# Node itself as PID 1 (not npm), so SIGTERM reaches the server and it closes the database cleanly.
CMD ["node", "--max-semi-space-size=32", "dist/index.js"]
