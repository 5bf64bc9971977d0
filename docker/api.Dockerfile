# Multi-stage build of Vetted: one build stage, then a slim non-root API image and an nginx web image.
FROM node:22.16.0-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json nx.json tsconfig.base.json jest.preset.cjs eslint.config.js ./
COPY apps apps
COPY libs libs
RUN npm ci --no-audit --no-fund
ENV NX_DAEMON=false NX_NO_CLOUD=true
RUN npx nx run-many -t build -p @vetted/api @vetted/web --outputStyle=static \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:22.16.0-bookworm-slim AS api
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules node_modules
COPY --from=build --chown=node:node /app/libs/contracts/package.json /app/libs/contracts/package.json
COPY --from=build --chown=node:node /app/libs/contracts/dist libs/contracts/dist
COPY --from=build --chown=node:node /app/libs/workflow/package.json /app/libs/workflow/package.json
COPY --from=build --chown=node:node /app/libs/workflow/dist libs/workflow/dist
COPY --from=build --chown=node:node /app/libs/dev-infra/package.json /app/libs/dev-infra/package.json
COPY --from=build --chown=node:node /app/libs/dev-infra/dist libs/dev-infra/dist
COPY --from=build --chown=node:node /app/apps/api/package.json apps/api/package.json
COPY --from=build --chown=node:node /app/apps/api/dist apps/api/dist
COPY --from=build --chown=node:node /app/apps/web/dist apps/web/dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --retries=5 CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "apps/api/dist/main.js"]

FROM nginx:1.27.5-alpine AS web
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/apps/web/dist /usr/share/nginx/html
