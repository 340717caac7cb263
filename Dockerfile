# syntax=docker/dockerfile:1
# Build stage: compile TypeScript to dist/.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# Runtime stage: production dependencies only, non-root.
FROM node:20-bookworm-slim
# HOST=0.0.0.0: inside a container the service must listen on every interface, or the published port reaches
# nothing (outside Docker the default is 127.0.0.1, this machine only). Decide who can reach it where the port is
# published (docker-compose.yml publishes it on the host's loopback only); /metrics still needs METRICS_TOKEN from
# anywhere but the container itself, and the web chat is off once a chat platform is configured (WEB_CHAT).
ENV NODE_ENV=production \
    TZ=Asia/Shanghai \
    DATA_DIR=/data \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY src/server/web ./dist/server/web
COPY src/console/console.css ./dist/console/console.css
COPY locales ./locales
COPY intents ./intents
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/main.js"]
