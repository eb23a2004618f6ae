# The app image: builds the client, then serves API and client from one Node process.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npx vite build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
RUN apt-get update && apt-get install -y --no-install-recommends wget && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY --from=build /app/dist ./dist
COPY contract ./contract
COPY server ./server
COPY scripts ./scripts
COPY cypher ./cypher
COPY .env.example ./
USER node
EXPOSE 3000
# Seeds an empty database (the seed is idempotent), then serves.
CMD ["sh", "-c", "npx tsx scripts/db-seed.ts --if-empty && exec npx tsx server/src/main.ts"]
