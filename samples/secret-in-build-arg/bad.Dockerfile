FROM alpine:3.20
ARG DEPLOY_USER=ci DEPLOY_PASSWORD=s3cr3t-deploy-pass
RUN ./deploy.sh
