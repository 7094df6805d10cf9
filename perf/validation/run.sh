#!/usr/bin/env bash
# Validation benchmark: validations/s of a ~2 KB payload against a 20-field JSON Schema through
# POST /api/v1/validate/{id}, with wrk on loopback against a running registry (e.g. `./registry dev`).
#   REGISTRY_URL  registry base URL (default http://localhost:8081)
#   THREADS, CONNECTIONS, DURATION  wrk settings (default 2, 64, 30s)
set -euo pipefail
cd "$(dirname "$0")"
URL="${REGISTRY_URL:-http://localhost:8081}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-64}"
DURATION="${DURATION:-30s}"

subject="perf-validation-$(date +%s)"
answer=$(curl -sf -X POST -H 'Content-Type: application/json' \
  --data "{\"subject\":\"$subject\",\"schema_type\":\"json\",\"schema\":$(cat schema-20-fields.json)}" \
  "$URL/api/v1/schemas")
id=$(echo "$answer" | sed -n 's/.*"id":\([0-9]*\).*/\1/p')
echo "registered schema id $id ($answer)"

check=$(curl -sf -X POST -H 'Content-Type: application/json' --data @payload-2kb.json "$URL/api/v1/validate/$id")
echo "payload $(wc -c < payload-2kb.json) bytes, verdict: $check"
case "$check" in *'"valid":true'*) ;; *) echo "payload does not validate; aborting" >&2; exit 1 ;; esac

echo "warm-up 10s..."
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s validate.lua "$URL/api/v1/validate/$id" > /dev/null
echo "measuring $DURATION with $THREADS threads / $CONNECTIONS connections:"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s validate.lua "$URL/api/v1/validate/$id"
