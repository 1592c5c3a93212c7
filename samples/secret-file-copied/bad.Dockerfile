FROM node:20
COPY id_rsa /root/.ssh/id_rsa
COPY .npmrc package.json package-lock.json ./
RUN npm ci && rm .npmrc /root/.ssh/id_rsa
