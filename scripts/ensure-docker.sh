#!/bin/sh
# Makes sure a Docker Engine is reachable for godock's integration tests.
# 1. If `docker info` already works (DOCKER_HOST, a context or the default socket), do nothing.
# 2. Otherwise, as root on Debian/Ubuntu: install docker.io and busybox-static when missing,
#    start dockerd in the background (log: $GODOCK_DOCKERD_LOG, default /tmp/godock-dockerd.log)
#    and wait for its socket.
# Also makes sure /bin/busybox from busybox-static exists (the test image is built FROM scratch
# with it). Exit 0 when an engine is reachable, 1 with one line on stderr saying why not.
set -u
LOG="${GODOCK_DOCKERD_LOG:-/tmp/godock-dockerd.log}"
SOCK=/var/run/docker.sock

say() { echo "ensure-docker: $*" >&2; }

need_install=""
command -v dockerd >/dev/null 2>&1 || need_install="$need_install docker.io"
command -v docker >/dev/null 2>&1 || need_install="$need_install docker.io"
# busybox-static: a statically linked /bin/busybox (ldd fails on static binaries)
if [ ! -x /bin/busybox ] || ldd /bin/busybox >/dev/null 2>&1; then
  need_install="$need_install busybox-static"
fi

if [ -n "$need_install" ]; then
  if [ "$(id -u)" != 0 ]; then say "missing:$need_install and not root, cannot install"; exit 1; fi
  if ! command -v apt-get >/dev/null 2>&1; then say "missing:$need_install and no apt-get"; exit 1; fi
  say "installing$need_install"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update && apt-get install -y $need_install; } >/tmp/godock-apt.log 2>&1 \
    || { say "apt-get install failed (see /tmp/godock-apt.log)"; exit 1; }
fi

if docker info >/dev/null 2>&1; then exit 0; fi

if [ "$(id -u)" != 0 ]; then say "no reachable Docker Engine and not root, cannot start dockerd"; exit 1; fi
if [ -n "${DOCKER_HOST:-}" ]; then say "DOCKER_HOST=$DOCKER_HOST is set but unreachable"; exit 1; fi

# A dockerd started here is recorded, so that the test run stops it again when it ends
# (test/integration/teardown.ts): the machine is left as it was found.
STARTED="${GODOCK_DOCKERD_STARTED:-/tmp/godock-dockerd.started}"
if ! pgrep -x dockerd >/dev/null 2>&1; then
  say "starting dockerd (log: $LOG)"
  nohup dockerd >"$LOG" 2>&1 &
  echo $! >"$STARTED"
fi
i=0
while [ $i -lt 60 ]; do
  if [ -S "$SOCK" ] && docker info >/dev/null 2>&1; then exit 0; fi
  i=$((i + 1)); sleep 1
done
say "dockerd did not come up within 60s; last log lines:"
tail -n 5 "$LOG" >&2
exit 1
