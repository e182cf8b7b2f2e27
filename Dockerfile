# The careers-graph API and its explorer (built into dist/web). Used by
# docker-compose.yml together with the official neo4j image; the API connects to it
# through NEO4J_URI and starts no local Neo4j.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY web ./web
RUN npm run build

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY schema ./schema
COPY cypher ./cypher
COPY data ./data
USER node
EXPOSE 4000
# Inside the container the API must listen on all interfaces for the port to be
# published; docker-compose.yml publishes it on the host's loopback only.
ENV HOST=0.0.0.0 PORT=4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4000/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The same command as `npm start` (package.json), V8 flags included; a unit test keeps them equal.
CMD ["node", "--enable-source-maps", "--max-semi-space-size=8", "--max-old-space-size=192", "dist/main.js"]
