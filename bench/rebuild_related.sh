#!/usr/bin/env bash
# Full rebuild of related posts at scale, timed. Run from the repository root:
#   bench/rebuild_related.sh [WORKERS]
# Uses its own embedded PostgreSQL under var/bench (or DATABASE_URL, if set: never production).
set -euo pipefail
export NEWSROOM_VAR_DIR="${NEWSROOM_VAR_DIR:-$PWD/var/bench}" DJANGO_DEBUG=1
workers="${1:-2}"
/usr/bin/time -f "full rebuild: %e s wall, %U s user (workers=$workers)" \
  .venv/bin/python manage.py rebuild_related --workers "$workers"
