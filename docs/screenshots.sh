#!/usr/bin/env bash
# Takes the README's trace screenshots from the running stack (./run.sh, Zipkin on): places one
# order that completes and one that is compensated (stock-deduct fails), then has headless Chromium
# (Debian package chromium) photograph each order's request trace in Zipkin's UI, into docs/images/.
set -euo pipefail
cd "$(dirname "$0")/.."

ORCHESTRATOR="http://localhost:${ORCHESTRATOR_PORT:-8080}"
ZIPKIN="http://localhost:${ZIPKIN_PORT:-9411}"
CHROMIUM="${CHROMIUM:-$(command -v chromium || true)}"
OUT=docs/images

[[ -n "$CHROMIUM" ]] || { echo "screenshots.sh: needs chromium (apt-get install chromium)" >&2; exit 1; }
curl -fsS -o /dev/null --max-time 2 "$ZIPKIN/health" \
  || { echo "screenshots.sh: no Zipkin at $ZIPKIN; start the stack with ./run.sh" >&2; exit 1; }

order='{"userId":"user-1","items":[{"productId":"product-2","quantity":1}],"pointsToUse":500,"paymentMethod":"CARD"}'

# The trace id of the request trace of the order that $1 (extra curl arguments) places.
request_trace() {
  local order_id trace
  order_id="$(curl -sS -X POST "$ORCHESTRATOR/api/orders" -H 'Content-Type: application/json' "$@" \
    -d "$order" | jq -r .orderId)"
  for _ in $(seq 1 30); do
    trace="$(curl -fsS "$ZIPKIN/api/v2/traces?limit=20&annotationQuery=order.id%3D$order_id" \
      | jq -r '[.[] | select(any(.[]; .name == "http post /api/orders"))][0][0].traceId // empty')"
    if [[ -n "$trace" ]]; then echo "$trace"; return; fi
    sleep 1 # Spans reach Zipkin in batches; polling its API is the only way to know.
  done
  echo "screenshots.sh: no trace in Zipkin for order $order_id" >&2
  exit 1
}

shoot() {
  local trace="$1" file="$2"
  # Every span reported: the batches of the services' exporters flush within 5 s.
  sleep 6
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --hide-scrollbars --window-size=1400,1000 --virtual-time-budget=10000 \
    --screenshot="$OUT/$file" "$ZIPKIN/zipkin/traces/$trace" 2> /dev/null
  echo "$OUT/$file: trace $trace"
}

mkdir -p "$OUT"
completed="$(request_trace)"
compensated="$(request_trace -H 'X-Simulate-Failure: stock-deduct')"
shoot "$completed" trace-completed.png
shoot "$compensated" trace-compensated.png
