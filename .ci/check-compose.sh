#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine: Debian's docker-compose (1.29) parses,
# interpolates and schema-checks the file (`config -q`), which needs no daemon. It starts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v docker-compose >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "docker-compose is not installed and this is not root: apt-get install docker-compose" >&2
    exit 2
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null
fi

docker-compose --version
docker-compose -f docker-compose.yml config -q
echo "docker-compose.yml: valid"
