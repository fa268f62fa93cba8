# syntax=docker/dockerfile:1
# The card portal as one image: `next build` with standalone output, run as a non-root user on
# Node 20. See README "Run it in a container". Not built in this repository's CI (it has no
# Docker engine): `docker build .` and `docker compose up` are for your own machine or registry.

# 1. Dependencies, from the lock file only (cached until it changes).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# 2. The build: next build (which validates the configuration it is given), then the standalone
#    folder made runnable (scripts/standalone.ts copies static files, public/ and the migrations).
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npx next build && npx tsx scripts/standalone.ts

# 3. What runs: the standalone server and nothing else, as an unprivileged user.
FROM node:20-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0
RUN groupadd --system --gid 1001 portal && useradd --system --uid 1001 --gid portal --home-dir /app portal
COPY --from=build --chown=portal:portal /app/.next/standalone ./
USER portal
EXPOSE 3000
# The load balancer's question too: the database answers, migrations are applied, not shutting down.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM: the app stops taking work and finishes within SHUTDOWN_GRACE_SECONDS (default 20);
# give it longer than that before SIGKILL (compose.yaml: stop_grace_period 30s).
STOPSIGNAL SIGTERM
CMD ["node", "server.js"]
