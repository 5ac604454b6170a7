# The suite as an image, for vendors who would rather `docker run` it against their endpoint:
#   docker build -t kms-conformance .
#   docker run --rm --user "$(id -u)" -v "$PWD/reports:/reports" kms-conformance \
#     run --endpoint http://host.docker.internal:4566 --name my-service --out /reports/my-service
# The image holds the package as `npm pack` makes it (no tests, no container support: the suite does
# not start containers from inside one); reports go to the mounted folder.

FROM node:20-bookworm-slim AS pack
WORKDIR /src
COPY package.json package-lock.json ./
COPY bin bin
COPY harness harness
COPY reference reference
COPY specs specs
COPY schema schema
COPY baselines baselines
COPY fixtures fixtures
COPY docs docs
COPY vitest.config.ts tsconfig.json README.md ./
RUN npm pack --pack-destination /tmp --silent

FROM node:20-bookworm-slim
ENV AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true NO_UPDATE_NOTIFIER=1
COPY --from=pack /tmp/kms-conformance-*.tgz /tmp/
RUN npm install --global --no-audit --no-fund /tmp/kms-conformance-*.tgz && rm /tmp/kms-conformance-*.tgz
RUN mkdir /reports && chown node:node /reports
WORKDIR /reports
USER node
ENTRYPOINT ["kms-conformance"]
CMD ["--help"]
