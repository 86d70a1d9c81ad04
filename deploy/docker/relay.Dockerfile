# syntax=docker/dockerfile:1
# consortium-ledger — the relay (apps/relay, LEDGER_BUS=kafka): publishes the event log to Kafka; HTTP for health only.
# Build from the repository's root:  docker build -f deploy/docker/relay.Dockerfile -t consortium-ledger-relay .

# --- build: compile better-sqlite3 and the TypeScript, then keep the production dependencies only --------------------
FROM node:20-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY apps ./apps
COPY libs ./libs
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# --- runtime: Node and the built app, as the unprivileged user node (uid 1000) ----------------------------------------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3003 \
    LEDGER_DATA_DIR=/var/lib/consortium-ledger
WORKDIR /app
COPY --from=build /src/package.json ./package.json
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/dist ./dist
RUN mkdir -p /var/lib/consortium-ledger && chown node:node /var/lib/consortium-ledger
USER node
EXPOSE 3003
# Liveness: the process answers (no store asked). Readiness (/health/ready) is for the orchestrator's routing.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM: the app finishes what it took, then exits (closeOnSignals).
STOPSIGNAL SIGTERM
CMD ["node", "dist/apps/relay/src/main.js"]
