FROM alpine:3.20
ENV GH=ghp_FAKEfakeFAKEfakeFAKEfakeFAKEfake0000
LABEL ci.aws-key="AKIAFAKEFAKEFAKEFAKE"
ENV DATABASE_URL=postgres://app:N0tARealPassw0rd@db:5432/app
