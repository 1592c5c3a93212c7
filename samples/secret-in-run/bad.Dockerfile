FROM node:20
RUN curl -fsSL -u deploy:Tr0ub4dor-not-real https://artifacts.example.com/app.tgz -o /tmp/app.tgz
RUN <<EOF
echo "//registry.npmjs.org/:_authToken=npm_FAKEfakeFAKEfakeFAKEfakeFAKEfake0000" > .npmrc
npm ci
EOF
