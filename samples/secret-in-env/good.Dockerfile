FROM node:20-alpine
ENV NODE_ENV=production \
    DB_PASSWORD_FILE=/run/secrets/db_password \
    SESSION_SECRET_FILE=/run/secrets/session_secret
CMD ["node", "server.js"]
