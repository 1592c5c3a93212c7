FROM node:20-alpine
ENV NODE_ENV=production \
    DB_PASSWORD=hunter2-not-real \
    SESSION_SECRET="fake session secret 123"
CMD ["node", "server.js"]
