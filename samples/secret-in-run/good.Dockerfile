FROM node:20
RUN --mount=type=secret,id=deploy_password \
    curl -fsSL -u "deploy:$(cat /run/secrets/deploy_password)" https://artifacts.example.com/app.tgz -o /tmp/app.tgz
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
