# syntax=docker/dockerfile:1

# Build stage: esbuild, a dev dependency, bundles the TypeScript into dist/; then the dev
# dependencies are pruned, leaving what the bot needs at run time.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# `npm install`, not `npm ci`: the lock file holds the native packages (resvg, esbuild, biome)
# of linux-x64 only, and npm fetches another platform's (arm64) where the image is built on one.
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# Run stage: production dependencies only, so a runtime import of a dev dependency fails here,
# and in CI, whose tests/production.test.ts does these same steps in a temporary folder.
# Debian slim, not Alpine: resvg's native package is built for glibc.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/app/data \
    PORT=8080 \
    HEALTH_PORT=8081
WORKDIR /app
COPY package.json package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY seeds ./seeds
COPY intents ./intents
# The data folder belongs to the user the bot runs as; a named volume mounted here takes
# this ownership when it is first created.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
# 8080: the webhook with /healthz and /metrics. 8081: /healthz and /metrics when polling.
EXPOSE 8080 8081
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "dist/src/cli/healthcheck.js"]
# Built code only: `npm run start:prod`, without npm in between, so SIGTERM reaches the bot.
CMD ["node", "dist/src/main.js"]
