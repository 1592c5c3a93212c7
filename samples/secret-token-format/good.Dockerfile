FROM alpine:3.20
ENV DATABASE_URL=postgres://app@db:5432/app \
    DATABASE_PASSWORD_FILE=/run/secrets/db_password
