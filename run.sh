#!/usr/bin/env bash
# Runs the whole order-saga stack on this machine: a real Kafka broker (KRaft), the Narayana LRA
# coordinator, the domain services and the orchestrator, each as its own background process.
#
#   ./run.sh              build what is missing or stale, start what is not running, wait until ready
#   ./run.sh status       what runs, with PID, port and RSS
#   ./run.sh logs [name]  follow the logs (all, or one process)
#   ./run.sh stop         stop exactly the processes run.sh started
#   ./run.sh reset        stop, then wipe data/ (databases, Kafka log, LRA object store, logs)
#   ./run.sh demo         run every saga branch against the running stack, print the end states
#   ./run.sh events [dlt] print order-events (or order-events.DLT) from the beginning: key, event
#   ./run.sh audit        check the saga's invariants on the running stack (exit 1 on a violation)
#   ./run.sh bench [mode] [options]  benchmark: all (default: saga, coordinator, local, 2pc side by
#                         side, then the ratios) or one mode; options: --clients --duration --rate …
#
# Everything lives under data/ (override with SAGA_DATA_DIR). Ports and JVM options come from the
# environment; see README.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DATA="${SAGA_DATA_DIR:-$ROOT/data}"
LOGS="$DATA/logs"
PIDS="$DATA/run"
READY_TIMEOUT="${SAGA_READY_TIMEOUT:-90}"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
LRA_COORDINATOR_PORT="${LRA_COORDINATOR_PORT:-8090}"
ORDER_SERVICE_PORT="${ORDER_SERVICE_PORT:-8081}"
PAYMENT_SERVICE_PORT="${PAYMENT_SERVICE_PORT:-8082}"
POINT_SERVICE_PORT="${POINT_SERVICE_PORT:-8083}"
PRODUCT_SERVICE_PORT="${PRODUCT_SERVICE_PORT:-8084}"
COMPLETION_API_PORT="${COMPLETION_API_PORT:-8085}"
ORCHESTRATOR_PORT="${ORCHESTRATOR_PORT:-8080}"
# What the Java deployables read (see config/src/main/resources/ordersaga-system.yml).
export SAGA_DATA_DIR="$DATA"
export ORDER_SERVICE_PORT PAYMENT_SERVICE_PORT POINT_SERVICE_PORT PRODUCT_SERVICE_PORT COMPLETION_API_PORT
export ORCHESTRATOR_PORT
export LRA_COORDINATOR_URL="${LRA_COORDINATOR_URL:-http://localhost:$LRA_COORDINATOR_PORT}"
export KAFKA_BOOTSTRAP_SERVERS="${KAFKA_BOOTSTRAP_SERVERS:-localhost:$KAFKA_PORT}"
export ORCHESTRATOR_URL="${ORCHESTRATOR_URL:-http://localhost:$ORCHESTRATOR_PORT}"
export ORDER_SERVICE_URL="${ORDER_SERVICE_URL:-http://localhost:$ORDER_SERVICE_PORT}"
export PAYMENT_SERVICE_URL="${PAYMENT_SERVICE_URL:-http://localhost:$PAYMENT_SERVICE_PORT}"
export POINT_SERVICE_URL="${POINT_SERVICE_URL:-http://localhost:$POINT_SERVICE_PORT}"
export PRODUCT_SERVICE_URL="${PRODUCT_SERVICE_URL:-http://localhost:$PRODUCT_SERVICE_PORT}"
export COMPLETION_API_URL="${COMPLETION_API_URL:-http://localhost:$COMPLETION_API_PORT}"

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# Eight JVMs share the machine (README, "Performance"): C1 only (-XX:TieredStopAtLevel=1) starts
# the stack ~40 % faster and saves ~80 MB per JVM for ~7 % less peak throughput; two malloc
# arenas instead of one per core per thread keep native memory down.
JAVA_OPTS_DEFAULT="${SAGA_JAVA_OPTS:--XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=48m -XX:TieredStopAtLevel=1}"
SERVICE_JAVA_OPTS="${SERVICE_JAVA_OPTS:--Xms32m -Xmx160m -XX:MaxMetaspaceSize=160m}"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

readiness() { echo "http://localhost:$1/actuator/health/readiness"; }

# The stack, in start order: name | port | readiness URL ("-" = port open + log line) | launcher.
# Processes with the same stage number start together; each stage waits until all are ready.
# Adding a deployable is one line here.
STACK=(
  "1|kafka|$KAFKA_PORT|-|launch_kafka"
  "2|lra-coordinator|$LRA_COORDINATOR_PORT|http://localhost:$LRA_COORDINATOR_PORT/health|launch_coordinator"
  "3|order-service|$ORDER_SERVICE_PORT|$(readiness "$ORDER_SERVICE_PORT")|launch_service order-service service-stubs/order-service/target/order-service.jar"
  "3|payment-service|$PAYMENT_SERVICE_PORT|$(readiness "$PAYMENT_SERVICE_PORT")|launch_service payment-service service-stubs/payment-service/target/payment-service.jar"
  "3|point-service|$POINT_SERVICE_PORT|$(readiness "$POINT_SERVICE_PORT")|launch_service point-service service-stubs/point-service/target/point-service.jar"
  "3|product-service|$PRODUCT_SERVICE_PORT|$(readiness "$PRODUCT_SERVICE_PORT")|launch_service product-service service-stubs/product-service/target/product-service.jar"
  "3|completion-api|$COMPLETION_API_PORT|$(readiness "$COMPLETION_API_PORT")|launch_service completion-api service-stubs/completion-api/target/completion-api.jar"
  "4|orchestrator|$ORCHESTRATOR_PORT|$(readiness "$ORCHESTRATOR_PORT")|launch_service orchestrator routes/target/routes.jar"
)

# ---------------------------------------------------------------------------------------------
# Launchers: each starts one process in the background and echoes its PID.

launch_kafka() {
  local dir="$DATA/kafka" lib="$ROOT/kafka-broker/target/lib"
  mkdir -p "$dir"
  sed -e "s#\${KAFKA_PORT}#$KAFKA_PORT#g" \
      -e "s#\${KAFKA_CONTROLLER_PORT}#$KAFKA_CONTROLLER_PORT#g" \
      -e "s#\${KAFKA_LOG_DIR}#$dir/log#g" \
      "$ROOT/config/kafka/server.properties" > "$dir/server.properties"
  if [[ ! -f "$dir/log/meta.properties" ]]; then
    # First run: format the KRaft storage once with a fresh cluster id.
    local cluster_id
    cluster_id="$("$JAVA" -cp "$lib/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)"
    "$JAVA" -cp "$lib/*" -Dlog4j.configuration="file:$ROOT/config/kafka/log4j.properties" \
      kafka.tools.StorageTool format -t "$cluster_id" -c "$dir/server.properties" \
      >> "$LOGS/kafka.log" 2>&1
  fi
  start_bg kafka "$JAVA" ${KAFKA_JAVA_OPTS:--Xms64m -Xmx192m -XX:+UseSerialGC} \
    -Dlog4j.configuration="file:$ROOT/config/kafka/log4j.properties" \
    -cp "$lib/*" kafka.Kafka "$dir/server.properties"
}

launch_coordinator() {
  start_bg lra-coordinator "$JAVA" $JAVA_OPTS_DEFAULT ${LRA_COORDINATOR_JAVA_OPTS:--Xmx192m} \
    -Dlra.coordinator.port="$LRA_COORDINATOR_PORT" \
    -Dlra.coordinator.store-dir="$DATA/lra-coordinator" \
    -jar "$ROOT/lra-coordinator/target/lra-coordinator.jar"
}

# A Spring Boot deployable: the jar, our JVM flags, and where it finds the rest of the stack.
launch_service() {
  local name="$1" jar="$2"
  start_bg "$name" "$JAVA" $JAVA_OPTS_DEFAULT $SERVICE_JAVA_OPTS -jar "$ROOT/$jar"
}

# Starts "$@" detached (own session, survives this script), logging to data/logs/<name>.log.
# The marker property lets stop/status recognise the process even if the PID was reused.
start_bg() {
  local name="$1"; shift
  local cmd=("$1" "-Dordersaga.process=$name" "${@:2}")
  (cd "$DATA" && exec setsid nohup "${cmd[@]}" >> "$LOGS/$name.log" 2>&1 < /dev/null) &
  echo $!
}

# ---------------------------------------------------------------------------------------------
# Process bookkeeping.

field() { local IFS='|'; read -r -a parts <<< "$1"; echo "${parts[$2]}"; }

pid_of() {
  local name="$1" pid
  [[ -f "$PIDS/$name.pid" ]] || return 1
  pid="$(cat "$PIDS/$name.pid")"
  # Ours only if alive and carrying our marker (guards against PID reuse after a reboot/crash).
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null \
      | grep -q -- "-Dordersaga.process=$name "; then
    echo "$pid"
  else
    return 1
  fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

is_ready() {
  local name="$1" port="$2" url="$3"
  if [[ "$url" == "-" ]]; then
    port_open "$port" && grep -q "Kafka Server started" "$LOGS/$name.log" 2>/dev/null
  else
    curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null
  fi
}

fail_with_log() {
  local name="$1" why="$2"
  echo "run.sh: $name $why. Last lines of $LOGS/$name.log:" >&2
  tail -n 40 "$LOGS/$name.log" >&2 || true
  exit 1
}

rss_mb() { awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$1/status" 2>/dev/null || echo "?"; }

# ---------------------------------------------------------------------------------------------
# Commands.

require_java() {
  command -v "$JAVA" > /dev/null || { echo "run.sh: $JAVA not found; install Java 17 or newer." >&2; exit 1; }
  local version major
  version="$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
  major="${version%%.*}"
  if [[ -z "$major" || "$major" -lt 17 ]]; then
    echo "run.sh: Java 17 or newer is required; 'java' is version ${version:-unknown}." >&2
    exit 1
  fi
  command -v curl > /dev/null || { echo "run.sh: curl is required." >&2; exit 1; }
}

# Rebuilds when an artifact is missing or a main source, resource or pom is newer than it.
build_if_needed() {
  [[ "${SAGA_SKIP_BUILD:-0}" == 1 ]] && return 0
  local artifacts=("$ROOT/kafka-broker/target/lib" "$ROOT/lra-coordinator/target/lra-coordinator.jar"
    "$ROOT/auditor/target/auditor-all.jar" "$ROOT/bench/target/bench-all.jar")
  local entry launcher
  for entry in "${STACK[@]}"; do
    launcher="$(field "$entry" 4)"
    [[ "$launcher" == launch_service* ]] && artifacts+=("$ROOT/${launcher##* }")
  done
  local stale="" artifact
  for artifact in "${artifacts[@]}"; do
    [[ -e "$artifact" ]] || { stale="missing $artifact"; break; }
    if [[ -n "$(find "$ROOT" \( -path "$DATA" -o -name target -o -name test -o -name .git \) -prune \
        -o \( -name '*.java' -o -name pom.xml -o -path '*/src/main/resources/*' \) \
        -newer "$artifact" -print -quit)" ]]; then
      stale="sources newer than $artifact"; break
    fi
  done
  if [[ -n "$stale" ]]; then
    echo "Building ($stale): ./mvnw -q -DskipTests package"
    (cd "$ROOT" && ./mvnw -q -B -DskipTests package)
    # Maven leaves an up-to-date module's jar (and the broker's lib directory) untouched: mark
    # every artifact as built now, or the next run would find them "stale" again.
    touch "${artifacts[@]}"
  fi
}

cmd_start() {
  require_java
  # Rebuild only when nothing runs: never replace the jars under running processes (a restart of
  # one crashed process uses the jars the others run; ./run.sh stop first to pick up changes).
  local entry running=0
  for entry in "${STACK[@]}"; do pid_of "$(field "$entry" 1)" > /dev/null && running=1; done
  if (( running == 0 )); then
    build_if_needed
  fi
  mkdir -p "$LOGS" "$PIDS"
  local t0=$SECONDS stage entry name port url launcher pid
  local stages
  stages="$(for entry in "${STACK[@]}"; do field "$entry" 0; done | sort -un)"
  for stage in $stages; do
    local started=()
    for entry in "${STACK[@]}"; do
      [[ "$(field "$entry" 0)" == "$stage" ]] || continue
      name="$(field "$entry" 1)"; port="$(field "$entry" 2)"; launcher="$(field "$entry" 4)"
      if pid="$(pid_of "$name")"; then
        echo "  $name already running (pid $pid)"
        continue
      fi
      if port_open "$port"; then
        echo "run.sh: port $port is in use by a process run.sh did not start; cannot start $name." >&2
        command -v ss > /dev/null && ss -ltnp "sport = :$port" >&2 || true
        exit 1
      fi
      printf '\n===== %s starting %s =====\n' "$(date '+%F %T')" "$name" >> "$LOGS/$name.log"
      read -r -a launch <<< "$launcher"
      pid="$("${launch[@]}")"
      echo "$pid" > "$PIDS/$name.pid"
      echo "  $name starting (pid $pid)"
      started+=("$entry")
    done
    for entry in "${started[@]}"; do
      name="$(field "$entry" 1)"; port="$(field "$entry" 2)"; url="$(field "$entry" 3)"
      local deadline=$((SECONDS + READY_TIMEOUT)) t_start=$SECONDS
      until is_ready "$name" "$port" "$url"; do
        pid_of "$name" > /dev/null || fail_with_log "$name" "exited during start-up"
        ((SECONDS < deadline)) || fail_with_log "$name" "was not ready within ${READY_TIMEOUT}s"
        sleep 0.3
      done
      echo "  $name ready ($((SECONDS - t_start))s, :$port)"
    done
  done
  echo
  echo "Stack ready in $((SECONDS - t0))s."
  cat <<EOF

  orchestrator      $ORCHESTRATOR_URL/api/orders   (OpenAPI: $ORCHESTRATOR_URL/api-doc)
  order-service     $ORDER_SERVICE_URL/orders/{orderId}
  payment-service   $PAYMENT_SERVICE_URL/payments?orderId={orderId}
  point-service     $POINT_SERVICE_URL/points/user-1
  product-service   $PRODUCT_SERVICE_URL/products/product-1
  completion API    $COMPLETION_API_URL/notifications
  LRA coordinator   http://localhost:$LRA_COORDINATOR_PORT/lra-coordinator
  Kafka bootstrap   localhost:$KAFKA_PORT
  Logs              $LOGS   (./run.sh logs [name])

Try:  curl -i -X POST $ORCHESTRATOR_URL/api/orders -H 'Content-Type: application/json' \\
        -d '{"userId":"user-1","items":[{"productId":"product-1","quantity":2}],"pointsToUse":500,"paymentMethod":"CARD"}'
Stop: ./run.sh stop
EOF
}

cmd_stop() {
  local i entry name pid
  # Reverse order: the orchestrator first, Kafka last.
  for ((i = ${#STACK[@]} - 1; i >= 0; i--)); do
    entry="${STACK[$i]}"; name="$(field "$entry" 1)"
    if pid="$(pid_of "$name")"; then
      kill -TERM "$pid" 2>/dev/null || true
      local deadline=$((SECONDS + 30))
      while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
      if kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid" 2>/dev/null || true
        echo "  $name killed (did not stop within 30s)"
      else
        echo "  $name stopped"
      fi
    fi
    rm -f "$PIDS/$name.pid"
  done
}

cmd_status() {
  local entry name port url pid state any_down=0
  local total=0 rss
  printf '%-18s %-8s %-6s %-8s %s\n' PROCESS PID PORT RSS_MB STATE
  for entry in "${STACK[@]}"; do
    name="$(field "$entry" 1)"; port="$(field "$entry" 2)"; url="$(field "$entry" 3)"
    if pid="$(pid_of "$name")"; then
      if is_ready "$name" "$port" "$url"; then state=ready; else state=starting; fi
      rss="$(rss_mb "$pid")"
      [[ "$rss" =~ ^[0-9]+$ ]] && total=$((total + rss))
      printf '%-18s %-8s %-6s %-8s %s\n' "$name" "$pid" "$port" "$rss" "$state"
    else
      printf '%-18s %-8s %-6s %-8s %s\n' "$name" - "$port" - stopped
      any_down=1
    fi
  done
  printf '%-18s %-8s %-6s %-8s\n' total "" "" "$total"
  return $any_down
}

cmd_logs() {
  mkdir -p "$LOGS"
  if [[ $# -gt 0 ]]; then
    [[ -f "$LOGS/$1.log" ]] || { echo "run.sh: no log for '$1' in $LOGS" >&2; exit 1; }
    exec tail -n 100 -F "$LOGS/$1.log"
  fi
  exec tail -n 20 -F "$LOGS"/*.log
}

cmd_reset() {
  cmd_stop
  rm -rf "$DATA"
  echo "  $DATA wiped"
}

# ---------------------------------------------------------------------------------------------
# ./run.sh demo: every saga branch against the running stack, with the final state everywhere.

json_field() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\)\"\{0,1\}.*/\1/p" | head -n 1; }

cmd_demo() {
  local api="$ORCHESTRATOR_URL" stamp user product
  curl -fsS -o /dev/null --max-time 2 "$api/actuator/health/readiness" \
    || { echo "run.sh: the stack is not running; start it with ./run.sh" >&2; exit 1; }
  stamp="$(date +%s)"
  echo "Each branch: a fresh user with 10000 points (100 for 'insufficient points') and a fresh product"
  echo "at 1000 with stock 10 (1 for 'out of stock'); the order takes 2 units and uses 500 points."
  echo "SAGA is the orchestrator's view; ORDER, PAYMENT, POINTS, STOCK are read from each service."
  echo
  printf '%-22s %-5s %-10s %-34s %-10s %-10s %-7s %-6s\n' \
    BRANCH HTTP SAGA REASON@STEP ORDER PAYMENT POINTS STOCK
  demo_branch "happy path"           ""                             500   10000 10
  demo_branch "payment-save fails"   "payment-save"                 500   10000 10
  demo_branch "order-complete fails" "order-complete"               500   10000 10
  demo_branch "order-create fails"   "order-create"                 500   10000 10
  demo_branch "payment-validate fails" "payment-validate"           500   10000 10
  demo_branch "point-deduct fails"   "point-deduct"                 500   10000 10
  demo_branch "stock-deduct fails"   "stock-deduct"                 500   10000 10
  demo_branch "payment after-commit" "payment-save:after-commit"    500   10000 10
  demo_branch "stock after-commit"   "stock-deduct:after-commit"    500   10000 10
  demo_branch "insufficient points"  ""                             500   100   10
  demo_branch "out of stock"         ""                             500   10000 1
  demo_branch "invalid input"        "" "invalid"                         10000 10
  demo_branch "idempotent replay"    "" "replay"                          10000 10
  # The partner answers the next two calls with 503: the notifier retries with backoff (step 7).
  # First let the earlier completed orders' calls land, so that the two 503s go to this order.
  demo_await_notified
  curl -fsS -o /dev/null -X PUT "$COMPLETION_API_URL/admin/behaviour" \
    -H 'Content-Type: application/json' -d '{"failNext":2,"status":503}'
  demo_branch "partner 503 twice"    ""                             500   10000 10
  # stock-deduct held for 2 min, past any saga time limit up to that: 504 when the limit passes,
  # compensated by the coordinator; the late deduction is fenced off when it finally runs.
  echo "(saga timeout: stock-deduct is held past the saga's time limit, SAGA_TIMEOUT, default 30 s)"
  demo_branch "saga timeout"         "stock-deduct:slow=120s"       500   10000 10
  demo_events
}

# The completion API has accepted every demo order completed so far (waits at most 20 s).
demo_await_notified() {
  local id tries=0
  for id in "${DEMO_COMPLETED[@]}"; do
    until curl -fsS "$COMPLETION_API_URL/calls?orderId=$id" | grep -q '"status":201' || (( tries >= 40 )); do
      sleep 0.5; tries=$((tries + 1))
    done
  done
}

# Step 7 happens after the saga, through Kafka: show each demo order's outcome event (read back
# from the topic) and what the external completion API received for it.
demo_events() {
  local topic="" tries=0 id
  echo
  echo "After the saga: the outcome event order-service's outbox relayed to order-events (read back"
  echo "from the topic) and the calls the notifier made to the external completion API."
  echo
  while (( tries < 10 )); do
    topic="$(read_topic order-events)"
    local missing=0
    for id in "${DEMO_HELD[@]}"; do grep -q "^$id" <<< "$topic" || missing=1; done
    (( missing == 0 )) && break
    tries=$((tries + 1)); sleep 1
  done
  printf '%-38s %-22s %-16s %s\n' ORDER BRANCH EVENT "COMPLETION API CALLS (status@attempt)"
  local i
  for i in "${!DEMO_ORDERS[@]}"; do
    id="${DEMO_ORDERS[$i]}"
    local events calls
    events="$( (grep "^$id" <<< "$topic" || true) | json_field type | paste -sd, -)"
    calls="$(curl -sS "$COMPLETION_API_URL/calls?orderId=$id" \
      | { grep -o '"attempt":[0-9]*,"receivedAt":"[^"]*","status":[0-9]*' || true; } \
      | sed 's/"attempt":\([0-9]*\),"receivedAt":"[^"]*","status":\([0-9]*\)/\2@\1/' | paste -sd, -)"
    printf '%-38s %-22s %-16s %s\n' "$id" "${DEMO_LABELS[$i]}" "${events:--}" "${calls:--}"
  done
  echo
  echo "(./run.sh events prints the whole topic; ./run.sh events dlt the dead-letter topic.)"
}

# read_topic TOPIC: "key<TAB>value" per record, from the beginning to the current end.
read_topic() {
  "$JAVA" -cp "$ROOT/kafka-broker/target/lib/*" \
    -Dlog4j.configuration="file:$ROOT/config/kafka/tools-log4j.properties" \
    "$ROOT/kafka-broker/tools/ReadTopic.java" "localhost:$KAFKA_PORT" "$1"
}

# ./run.sh audit: the invariant auditor (auditor/) against the running stack, through its public
# APIs, the coordinator and the topics. AUDIT_SETTLE / AUDIT_LIMIT bound its wait for quiescence.
cmd_audit() {
  # Never rebuild under a running stack: only build the auditor if it is missing.
  [[ -e "$ROOT/auditor/target/auditor-all.jar" ]] \
    || (cd "$ROOT" && ./mvnw -q -B -DskipTests package -pl auditor -am)
  curl -fsS -o /dev/null --max-time 2 "$ORCHESTRATOR_URL/actuator/health/readiness" \
    || { echo "run.sh: the stack is not running; start it with ./run.sh" >&2; exit 1; }
  "$JAVA" -jar "$ROOT/auditor/target/auditor-all.jar"
}

# ./run.sh bench: the load generator and the baselines (bench/, README "Performance"). "all" runs
# every mode one after the other with the same options, then prints the ratios; saga and
# coordinator need the running stack. Results (JSON) land in $DATA/bench.
cmd_bench() {
  [[ -e "$ROOT/bench/target/bench-all.jar" ]] \
    || (cd "$ROOT" && ./mvnw -q -B -DskipTests package -pl bench -am)
  local mode="${1:-all}" out="$DATA/bench" m
  [[ $# -gt 0 ]] && shift
  local bench=("$JAVA" ${BENCH_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC} -jar "$ROOT/bench/target/bench-all.jar")
  export AUDITOR_JAR="$ROOT/auditor/target/auditor-all.jar"
  mkdir -p "$out"
  if [[ "$mode" != all ]]; then
    "${bench[@]}" "$mode" "$@"
    return
  fi
  curl -fsS -o /dev/null --max-time 2 "$ORCHESTRATOR_URL/actuator/health/readiness" \
    || { echo "run.sh: bench all needs the running stack; start it with ./run.sh" >&2; exit 1; }
  for m in saga coordinator local 2pc; do
    echo "== bench $m"
    # A failed check (exit 1) still wrote its numbers: go on to the ratios.
    "${bench[@]}" "$m" --json "$out/$m.json" "$@" || [[ $? == 1 ]]
  done
  echo "== ratios"
  "${bench[@]}" compare "$out/saga.json" "$out/coordinator.json" "$out/local.json" "$out/2pc.json"
}

cmd_events() {
  local topic=order-events
  [[ "${1:-}" == dlt ]] && topic=order-events.DLT
  read_topic "$topic"
}

# demo_branch LABEL FAILURE POINTS_TO_USE|invalid|replay START_POINTS START_STOCK
demo_branch() {
  local label="$1" failure="$2" points="$3" start_points="$4" start_stock="$5"
  local user="demo-user-$stamp-$RANDOM" product="demo-product-$stamp-$RANDOM" body answer status
  curl -fsS -o /dev/null -X PUT "$POINT_SERVICE_URL/admin/points/$user" \
    -H 'Content-Type: application/json' -d "{\"balance\":$start_points}"
  curl -fsS -o /dev/null -X PUT "$PRODUCT_SERVICE_URL/admin/products/$product" \
    -H 'Content-Type: application/json' -d "{\"name\":\"Demo\",\"price\":1000,\"stock\":$start_stock}"
  local quantity=2 use="$points" headers=()
  [[ "$points" == invalid ]] && quantity=0 && use=0
  [[ "$points" == replay ]] && use=500 && headers=(-H "Idempotency-Key: demo-$user")
  [[ -n "$failure" ]] && headers+=(-H "X-Simulate-Failure: $failure")
  body="{\"userId\":\"$user\",\"items\":[{\"productId\":\"$product\",\"quantity\":$quantity}],\"pointsToUse\":$use,\"paymentMethod\":\"CARD\"}"
  answer="$(curl -sS -w '\n%{http_code}' -X POST "$api/api/orders" -H 'Content-Type: application/json' "${headers[@]}" -d "$body")"
  if [[ "$points" == replay ]]; then
    answer="$(curl -sS -w '\n%{http_code}' -X POST "$api/api/orders" -H 'Content-Type: application/json' "${headers[@]}" -d "$body")"
  fi
  status="$(tail -n 1 <<< "$answer")"; answer="$(head -n -1 <<< "$answer")"
  local order_id reason step saga order payment
  order_id="$(json_field orderId <<< "$answer")"
  reason="$(json_field reason <<< "$answer")"; step="$(json_field failedStep <<< "$answer")"
  [[ "$status" == 400 ]] && reason="$(json_field field <<< "$answer")" && step="invalid"
  if [[ "$status" == 504 && -n "$order_id" ]]; then
    # The coordinator's compensation may trail the answer: wait (≤ 20 s) for the order to end.
    local waited=0
    while (( waited < 20 )) && [[ "$(curl -sS "$ORDER_SERVICE_URL/orders/$order_id" | json_field status)" == PENDING ]]; do
      sleep 1; waited=$((waited + 1))
    done
  fi
  if [[ -n "$order_id" ]]; then
    saga="$(curl -sS "$api/api/orders/$order_id" | json_field status)"
    order="$(curl -sS "$ORDER_SERVICE_URL/orders/$order_id" | json_field status)"
    payment="$(curl -sS "$PAYMENT_SERVICE_URL/payments?orderId=$order_id" | json_field status)"
  fi
  [[ "$status" == 201 ]] && DEMO_COMPLETED+=("$order_id")
  if [[ -n "$order_id" ]]; then
    DEMO_ORDERS+=("$order_id"); DEMO_LABELS+=("$label")
    [[ -n "$order" ]] && DEMO_HELD+=("$order_id")
  fi
  printf '%-22s %-5s %-10s %-34s %-10s %-10s %-7s %-6s\n' "$label" "$status" "${saga:--}" \
    "${reason:+$reason@$step}" "${order:--}" "${payment:--}" \
    "$(curl -sS "$POINT_SERVICE_URL/points/$user" | json_field balance)" \
    "$(curl -sS "$PRODUCT_SERVICE_URL/products/$product" | json_field stock)"
}

case "${1:-start}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  logs) shift; cmd_logs "$@" ;;
  reset) cmd_reset ;;
  demo) DEMO_ORDERS=(); DEMO_LABELS=(); DEMO_HELD=(); DEMO_COMPLETED=(); cmd_demo ;;
  events) shift; cmd_events "$@" ;;
  audit) cmd_audit ;;
  bench) shift; cmd_bench "$@" ;;
  -h | --help | help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) echo "run.sh: unknown command '$1' (try ./run.sh help)" >&2; exit 2 ;;
esac
