#!/usr/bin/env bash
# Runs the whole order-saga stack on this machine: a real Kafka broker (KRaft), the Narayana LRA
# coordinator, the domain services and the orchestrator, each as its own background process, and
# beside them Zipkin (traces) and, when installed, Prometheus (metrics).
#
#   ./run.sh              build what is missing or stale, start what is not running, wait until ready
#   ./run.sh ha           the same for the `ha` topology: replicas behind HAProxy, 3 Kafka nodes, 2
#                         coordinators, PostgreSQL; the commands below then act on it until stop
#   ./run.sh status       what runs, with PID, port and RSS
#   ./run.sh logs [name]  follow the logs (all, or one process)
#   ./run.sh stop         stop exactly the processes run.sh started
#   ./run.sh reset [ha]   stop, then wipe data/ (databases, Kafka log, LRA object store, logs; ha:
#                         its PostgreSQL databases too)
#   ./run.sh demo         run every saga branch against the running stack, print the end states (jq)
#   ./run.sh events [dlt] print order-events (or order-events.DLT) from the beginning: key, event
#   ./run.sh audit        check the saga's invariants on the running stack (exit 1 on a violation)
#   ./run.sh bench [mode] [options]  benchmark: all (default: saga, coordinator, local, 2pc side by
#                         side, then the ratios), tracing (saga bench, tracing on then off),
#                         scaling (ha, 1 then 2 payment-service replicas) or one mode; options:
#                         --clients --duration --rate …
#
# Everything lives under data/ (override with SAGA_DATA_DIR). The processes and their default ports
# are listed in config/stack/processes (config/stack/processes-ha for ha); ports and JVM options
# come from the environment (README.md).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DATA="${SAGA_DATA_DIR:-$ROOT/data}"
LOGS="$DATA/logs"
PIDS="$DATA/run"
# The topology that runs (or is being started): "ha" from ./run.sh ha until ./run.sh stop, recorded
# in $PIDS/topology, else the single-instance default.
TOPOLOGY_FILE="$PIDS/topology"
if [[ "${1:-}" == ha ]]; then
  TOPOLOGY=ha
elif [[ -f "$TOPOLOGY_FILE" ]]; then
  TOPOLOGY="$(cat "$TOPOLOGY_FILE")"
else
  TOPOLOGY=default
fi
PUBLIC_PROCESSES="$ROOT/config/stack/processes"
case "$TOPOLOGY" in
  default) PROCESSES="$PUBLIC_PROCESSES"; READY_TIMEOUT="${SAGA_READY_TIMEOUT:-90}" ;;
  # Nine Spring Boot JVMs start together on the services' stage.
  ha) PROCESSES="$ROOT/config/stack/processes-ha"; READY_TIMEOUT="${SAGA_READY_TIMEOUT:-300}" ;;
  *) echo "run.sh: $TOPOLOGY_FILE names an unknown topology '$TOPOLOGY'." >&2; exit 1 ;;
esac

# stack_entries FILE: one "stage|name|port variable|port|ready URL or -|launch|artifact" line per
# process of FILE (config/stack/processes), in its order; the port is its variable's value from
# the environment, else the file's default.
stack_entries() {
  local file="$1" stage name variable port ready launch artifact extra
  while read -r stage name variable port ready launch artifact extra; do
    [[ -z "$stage" || "$stage" == \#* ]] && continue
    if [[ ! "$stage" =~ ^[0-9]+$ || ! "$port" =~ ^[0-9]+$ || -z "$artifact" || -n "$extra" ]]; then
      echo "run.sh: $file: expected 'stage name variable port ready launch artifact', got:" \
        "$stage $name $variable $port $ready $launch $artifact $extra" >&2
      return 1
    fi
    port="${!variable:-$port}"
    [[ "$ready" == - ]] || ready="http://localhost:$port$ready"
    echo "$stage|$name|$variable|$port|$ready|$launch|$artifact"
  done < "$file"
}

# A run.sh that run.sh itself started (bench restarts the stack) inherits what the parent derived
# for its topology: when this one runs another topology, that is derived again (and the profiles
# are the user's again).
if [[ -n "${RUN_SH_TOPOLOGY:-}" && "$RUN_SH_TOPOLOGY" != "$TOPOLOGY" ]]; then
  unset LRA_COORDINATOR_URLS LRA_COORDINATOR_URL KAFKA_BOOTSTRAP_SERVERS \
    ORDER_EVENTS_REPLICATION_FACTOR SAGA_SHUTDOWN_DRAIN POSTGRES_POOL_SIZE
  export SPRING_PROFILES_ACTIVE="${RUN_SH_PROFILES:-}"
fi
export RUN_SH_TOPOLOGY="$TOPOLOGY" RUN_SH_PROFILES="${RUN_SH_PROFILES-${SPRING_PROFILES_ACTIVE:-}}"

# The stack, in start order. Processes with the same stage start together; each stage waits until
# all of its processes are ready.
STACK_ENTRIES="$(stack_entries "$PROCESSES")"
mapfile -t STACK <<< "$STACK_ENTRIES"
# What the Java deployables read (see config/src/main/resources/ordersaga-system.yml): every
# public port (the default stack's, which in ha are HAProxy's), every process's port…
while IFS='|' read -r _ _ port_variable port _; do
  export "$port_variable=$port"
done <<< "$(stack_entries "$PUBLIC_PROCESSES")"$'\n'"$STACK_ENTRIES"
unset port_variable port
# …and the URLs built from them: the coordinators (an orchestrator spreads new LRAs over them) and
# the Kafka nodes of this topology.
coordinator_urls=() kafka_nodes=()
for entry in "${STACK[@]}"; do
  IFS='|' read -r _ _ _ port _ launch _ <<< "$entry"
  case "$launch" in
    coordinator) coordinator_urls+=("http://localhost:$port") ;;
    kafka) kafka_nodes+=("localhost:$port") ;;
  esac
done
unset entry port launch
export SAGA_DATA_DIR="$DATA"
export LRA_COORDINATOR_URLS="${LRA_COORDINATOR_URLS:-$(IFS=,; echo "${coordinator_urls[*]}")}"
export LRA_COORDINATOR_URL="${LRA_COORDINATOR_URL:-${LRA_COORDINATOR_URLS%%,*}}"
export KAFKA_BOOTSTRAP_SERVERS="${KAFKA_BOOTSTRAP_SERVERS:-$(IFS=,; echo "${kafka_nodes[*]}")}"
KAFKA_NODES=${#kafka_nodes[@]}
if [[ "$TOPOLOGY" == ha ]]; then
  # Replicas share their tier's database: PostgreSQL (H2 files are one process's); the outcome
  # events are replicated on all three Kafka nodes.
  case ",${SPRING_PROFILES_ACTIVE:-}," in
    *,postgres,*) ;;
    *) export SPRING_PROFILES_ACTIVE="postgres${SPRING_PROFILES_ACTIVE:+,$SPRING_PROFILES_ACTIVE}" ;;
  esac
  export ORDER_EVENTS_REPLICATION_FACTOR="${ORDER_EVENTS_REPLICATION_FACTOR:-3}"
  # On SIGTERM a replica reports not-ready and serves on until HAProxy's checks (every 1 s, down
  # after 2) have taken it out, then finishes what it has and exits.
  export SAGA_SHUTDOWN_DRAIN="${SAGA_SHUTDOWN_DRAIN:-3s}"
  # Twelve connection pools on one PostgreSQL server (max_connections 100 by default).
  export POSTGRES_POOL_SIZE="${POSTGRES_POOL_SIZE:-6}"
fi
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
read -r -a JVM_FLAGS <<< "${SAGA_JAVA_OPTS:--XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=48m -XX:TieredStopAtLevel=1}"
read -r -a SERVICE_JVM_FLAGS <<< "${SERVICE_JAVA_OPTS:--Xms32m -Xmx160m -XX:MaxMetaspaceSize=160m}"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

# Zipkin (its jar built like the others) receives every deployable's spans: started before the
# stack, stopped after it. SAGA_ZIPKIN=off runs no Zipkin, and the deployables then trace nothing.
ZIPKIN_PORT="${ZIPKIN_PORT:-9411}"
SAGA_ZIPKIN="${SAGA_ZIPKIN:-on}"
ZIPKIN_JAR="zipkin-server/target/zipkin-server.jar"
case "$SAGA_ZIPKIN" in
  on) export ZIPKIN_URL="${ZIPKIN_URL:-http://localhost:$ZIPKIN_PORT}" ;;
  off) export TRACING_ENABLED="${TRACING_ENABLED:-false}" ;;
  *) echo "run.sh: SAGA_ZIPKIN must be on or off, not '$SAGA_ZIPKIN'." >&2; exit 1 ;;
esac

# Prometheus (optional: the Debian package "prometheus") scrapes every deployable once the stack
# is up. SAGA_PROMETHEUS: auto (default) starts it when installed, on requires it, off skips it.
PROMETHEUS_PORT="${PROMETHEUS_PORT:-9090}"
PROMETHEUS_SCRAPE_INTERVAL="${PROMETHEUS_SCRAPE_INTERVAL:-5s}"
SAGA_PROMETHEUS="${SAGA_PROMETHEUS:-auto}"
PROMETHEUS_DIR="$DATA/prometheus"

# ---------------------------------------------------------------------------------------------
# Launchers (the "launch" column of config/stack/processes): launch_<launch> NAME PORT ARTIFACT
# starts one process in the background and echoes its PID.

# controller_port NAME PORT: the KRaft controller port of Kafka node NAME (broker port PORT):
# <NAME>_CONTROLLER_PORT (KAFKA_CONTROLLER_PORT, KAFKA_1_CONTROLLER_PORT…), default PORT + 1.
controller_port() {
  local variable
  variable="$(tr 'a-z-' 'A-Z_' <<< "$1")_CONTROLLER_PORT"
  echo "${!variable:-$(($2 + 1))}"
}

# The KRaft quorum: every Kafka node of the topology, node ids 1, 2, 3 in their order.
kafka_voters() {
  local entry name port launch id=0 voters=()
  for entry in "${STACK[@]}"; do
    IFS='|' read -r _ name _ port _ launch _ <<< "$entry"
    [[ "$launch" == kafka ]] || continue
    id=$((id + 1))
    voters+=("$id@127.0.0.1:$(controller_port "$name" "$port")")
  done
  (IFS=,; echo "${voters[*]}")
}

kafka_node_id() {
  local entry name launch id=0
  for entry in "${STACK[@]}"; do
    IFS='|' read -r _ name _ _ _ launch _ <<< "$entry"
    [[ "$launch" == kafka ]] || continue
    id=$((id + 1))
    [[ "$name" == "$1" ]] && { echo "$id"; return; }
  done
}

launch_kafka() {
  local name="$1" port="$2" lib="$3" dir="$DATA/$1" flags
  # One node: every replica on it; three (ha): each partition on all three, a write acknowledged
  # (acks=all) once two have it.
  local replicas=1 min_isr=1
  if ((KAFKA_NODES >= 3)); then replicas=3 min_isr=2; fi
  read -r -a flags <<< "${KAFKA_JAVA_OPTS:--Xms64m -Xmx192m -XX:+UseSerialGC}"
  mkdir -p "$dir"
  sed -e "s#\${KAFKA_PORT}#$port#g" \
      -e "s#\${KAFKA_CONTROLLER_PORT}#$(controller_port "$name" "$port")#g" \
      -e "s#\${KAFKA_NODE_ID}#$(kafka_node_id "$name")#g" \
      -e "s#\${KAFKA_VOTERS}#$(kafka_voters)#g" \
      -e "s#\${KAFKA_REPLICAS}#$replicas#g" \
      -e "s#\${KAFKA_MIN_ISR}#$min_isr#g" \
      -e "s#\${KAFKA_LOG_DIR}#$dir/log#g" \
      "$ROOT/config/kafka/server.properties" > "$dir/server.properties"
  if [[ ! -f "$dir/log/meta.properties" ]]; then
    # First run: format the KRaft storage once, every node of a cluster with the same id.
    local id_file="$DATA/kafka-cluster-$TOPOLOGY.id"
    if [[ ! -s "$id_file" ]]; then
      "$JAVA" -cp "$lib/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1 > "$id_file"
    fi
    "$JAVA" -cp "$lib/*" -Dlog4j.configuration="file:$ROOT/config/kafka/log4j.properties" \
      kafka.tools.StorageTool format -t "$(cat "$id_file")" -c "$dir/server.properties" \
      >> "$LOGS/$name.log" 2>&1
  fi
  start_bg "$name" "$JAVA" "${flags[@]}" \
    -Dlog4j.configuration="file:$ROOT/config/kafka/log4j.properties" \
    -cp "$lib/*" kafka.Kafka "$dir/server.properties"
}

launch_coordinator() {
  local name="$1" port="$2" jar="$3" flags
  read -r -a flags <<< "${LRA_COORDINATOR_JAVA_OPTS:--Xmx192m}"
  start_bg "$name" "$JAVA" "${JVM_FLAGS[@]}" "${flags[@]}" \
    -Dlra.coordinator.port="$port" \
    -Dlra.coordinator.store-dir="$DATA/$name" \
    -jar "$jar"
}

# A Spring Boot deployable: the jar and our JVM flags; it listens on PORT (SERVER_PORT: a replica's
# own port, not its tier's public one) and finds the rest of the stack in the environment.
launch_service() {
  local name="$1" port="$2" jar="$3"
  SERVER_PORT="$port" start_bg "$name" "$JAVA" "${JVM_FLAGS[@]}" "${SERVICE_JVM_FLAGS[@]}" -jar "$jar"
}

# HAProxy (ha): one frontend per replicated tier on its public port, balancing over the replicas.
launch_haproxy() {
  local name="$1" port="$2" template="$3" dir="$DATA/haproxy"
  if ! command -v haproxy > /dev/null; then
    echo "run.sh: ha needs HAProxy: apt-get install haproxy (Debian/Ubuntu), then ./run.sh ha again." >&2
    return 1
  fi
  mkdir -p "$dir"
  { sed -e "s#\${HAPROXY_PORT}#$port#g" "$template"; haproxy_tiers; } > "$dir/haproxy.cfg"
  haproxy -c -q -f "$dir/haproxy.cfg" >> "$LOGS/$name.log" 2>&1 || return 1
  start_detached "$name" haproxy -db -f "$dir/haproxy.cfg"
}

# One frontend and backend per tier <tier> with replicas <tier>-<k> in the stack; the tier's public
# port is its variable in config/stack/processes.
haproxy_tiers() {
  local tier public_port entry name port ready launch check_path
  while IFS='|' read -r _ tier _ public_port _; do
    local servers=""
    for entry in "${STACK[@]}"; do
      IFS='|' read -r _ name _ port ready launch _ <<< "$entry"
      # Spring Boot deployables only: each LRA belongs to its own coordinator's address.
      [[ "$launch" == service && "$name" =~ ^$tier-[0-9]+$ ]] || continue
      servers+="  server $name 127.0.0.1:$port check"$'\n'
      check_path="${ready#http://localhost:"$port"}"
    done
    [[ -n "$servers" ]] || continue
    # Long sagas: the replica with the fewest open requests takes the next.
    printf '\nfrontend %s\n  bind :%s\n  default_backend %s\n' "$tier" "$public_port" "$tier"
    printf 'backend %s\n  balance leastconn\n  option httpchk GET %s\n  http-check expect status 200\n%s' \
      "$tier" "$check_path" "$servers"
  done <<< "$(stack_entries "$PUBLIC_PROCESSES")"
}

# Starts the JVM "$@" detached (own session, survives this script), logging to
# data/logs/<name>.log. The marker property lets stop/status recognise the process even if the PID
# was reused.
start_bg() {
  local name="$1"; shift
  start_detached "$name" "$1" "-Dordersaga.process=$name" "${@:2}"
}

start_detached() {
  local name="$1"; shift
  (cd "$DATA" && exec setsid nohup "$@" >> "$LOGS/$name.log" 2>&1 < /dev/null) &
  echo $!
}

# ---------------------------------------------------------------------------------------------
# Process bookkeeping.

# pid_of NAME [MARKER]: the PID of our process NAME, recognised by MARKER in its command line
# (default: the JVM marker start_bg gives it).
pid_of() {
  local name="$1" marker="${2:-$(marker_of "$1")}" pid
  [[ -f "$PIDS/$name.pid" ]] || return 1
  pid="$(cat "$PIDS/$name.pid")"
  # Ours only if alive and carrying our marker (guards against PID reuse after a reboot/crash).
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null \
      | grep -qF -- "$marker"; then
    echo "$pid"
  else
    return 1
  fi
}

# marker_of NAME: what the command line of our process NAME carries: the JVM marker start_bg gives
# it, or HAProxy's configuration file.
marker_of() {
  if [[ "$1" == haproxy ]]; then echo "-f $DATA/haproxy/haproxy.cfg "; else echo "-Dordersaga.process=$1 "; fi
}

# Succeeds when any process of the stack runs.
any_running() {
  local entry name
  for entry in "${STACK[@]}"; do
    IFS='|' read -r _ name _ <<< "$entry"
    if pid_of "$name" > /dev/null; then return 0; fi
  done
  return 1
}

# alive PID: the process runs: it exists and is no zombie (one that exited under an init that does
# not reap, as in a container, lingers as one). Unlike pid_of it ignores the command line, which is
# not yet java's, or reads empty, while start_bg's child execs setsid, nohup, then java.
alive() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  [[ -n "$stat" && "${stat##*) }" != Z* ]]
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# is_ready NAME PORT READY: READY is the readiness URL, or "-" for the broker.
is_ready() {
  local name="$1" port="$2" ready="$3"
  if [[ "$ready" == - ]]; then
    port_open "$port" && grep -q "Kafka Server started" "$LOGS/$name.log" 2>/dev/null
  else
    curl -fsS -o /dev/null --max-time 2 "$ready" 2>/dev/null
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
# Prometheus: not a process of the stack (config/stack/processes) but its observer, started after
# it and stopped before it.

prometheus_pid() { pid_of prometheus "--storage.tsdb.path=$PROMETHEUS_DIR/data "; }

prometheus_wanted() {
  case "$SAGA_PROMETHEUS" in
    off) return 1 ;;
    on) command -v prometheus > /dev/null && return 0
        echo "run.sh: SAGA_PROMETHEUS=on, but prometheus is not installed (apt-get install prometheus)." >&2
        exit 1 ;;
    auto) command -v prometheus > /dev/null ;;
    *) echo "run.sh: SAGA_PROMETHEUS must be auto, on or off, not '$SAGA_PROMETHEUS'." >&2; exit 1 ;;
  esac
}

# The scrape configuration: config/prometheus/prometheus.yml, then one job per process of the
# stack that has metrics: each Spring Boot deployable and the coordinator (Kafka has none).
write_prometheus_config() {
  local entry name port launch path
  sed -e "s#\${PROMETHEUS_PORT}#$PROMETHEUS_PORT#g" \
      -e "s#\${PROMETHEUS_SCRAPE_INTERVAL}#$PROMETHEUS_SCRAPE_INTERVAL#g" \
      "$ROOT/config/prometheus/prometheus.yml"
  for entry in "${STACK[@]}"; do
    IFS='|' read -r _ name _ port _ launch _ <<< "$entry"
    case "$launch" in
      service) path=/actuator/prometheus ;;
      coordinator) path=/metrics ;;
      *) continue ;;
    esac
    printf '  - job_name: %s\n    metrics_path: %s\n    static_configs:\n      - targets: ["localhost:%s"]\n' \
      "$name" "$path" "$port"
    # Profile prod: the deployables' metrics take the management login (the console's).
    if [[ "$launch" == service && ",${SPRING_PROFILES_ACTIVE:-}," == *,prod,* ]]; then
      printf '    basic_auth:\n      username: "%s"\n      password_file: %s\n' \
        "${HAWTIO_USER:-admin}" "$PROMETHEUS_DIR/management-password"
    fi
  done
}

start_prometheus() {
  local pid
  if ! prometheus_wanted; then
    [[ "$SAGA_PROMETHEUS" == off ]] \
      || echo "  prometheus not installed (apt-get install prometheus); metrics stay at each /actuator/prometheus"
    return 0
  fi
  if pid="$(prometheus_pid)"; then
    echo "  prometheus already running (pid $pid)"
    return 0
  fi
  if port_open "$PROMETHEUS_PORT"; then
    echo "run.sh: port $PROMETHEUS_PORT is in use by a process run.sh did not start; cannot start prometheus." >&2
    exit 1
  fi
  mkdir -p "$PROMETHEUS_DIR/data"
  (umask 077 && printf '%s' "${HAWTIO_PASSWORD:-}" > "$PROMETHEUS_DIR/management-password")
  write_prometheus_config > "$PROMETHEUS_DIR/prometheus.yml"
  printf '\n===== %s starting prometheus =====\n' "$(date '+%F %T')" >> "$LOGS/prometheus.log"
  pid="$(start_detached prometheus prometheus \
    --config.file="$PROMETHEUS_DIR/prometheus.yml" \
    --storage.tsdb.path="$PROMETHEUS_DIR/data" \
    --storage.tsdb.retention.time="${PROMETHEUS_RETENTION:-7d}" \
    --web.listen-address=":$PROMETHEUS_PORT")"
  echo "$pid" > "$PIDS/prometheus.pid"
  await_observer prometheus "$pid" "$PROMETHEUS_PORT" /-/ready
}

stop_prometheus() {
  local pid
  if pid="$(prometheus_pid)"; then stop_observer prometheus "$pid"; fi
  rm -f "$PIDS/prometheus.pid"
}

# await_observer NAME PID PORT PATH: until http://localhost:PORT/PATH answers 2xx (or it exits).
await_observer() {
  local name="$1" pid="$2" port="$3" path="$4" deadline=$((SECONDS + READY_TIMEOUT)) t_start=$SECONDS
  until curl -fsS -o /dev/null --max-time 2 "http://localhost:$port$path" 2>/dev/null; do
    alive "$pid" || fail_with_log "$name" "exited during start-up"
    ((SECONDS < deadline)) || fail_with_log "$name" "was not ready within ${READY_TIMEOUT}s"
    sleep 0.3
  done
  echo "  $name ready ($((SECONDS - t_start))s, :$port)"
}

# stop_observer NAME PID: SIGTERM, then SIGKILL after 30 s.
stop_observer() {
  local name="$1" pid="$2" deadline=$((SECONDS + 30))
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
  kill -KILL "$pid" 2>/dev/null && echo "  $name killed (did not stop within 30s)" \
    || echo "  $name stopped"
}

# Zipkin: in-memory storage (the newest MEM_MAX_SPANS spans), UI and API at :$ZIPKIN_PORT.
start_zipkin() {
  local pid
  [[ "$SAGA_ZIPKIN" == on ]] || return 0
  if pid="$(pid_of zipkin)"; then
    echo "  zipkin already running (pid $pid)"
    return 0
  fi
  if port_open "$ZIPKIN_PORT"; then
    echo "run.sh: port $ZIPKIN_PORT is in use by a process run.sh did not start; cannot start zipkin." >&2
    exit 1
  fi
  local flags
  read -r -a flags <<< "${ZIPKIN_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
  printf '\n===== %s starting zipkin =====\n' "$(date '+%F %T')" >> "$LOGS/zipkin.log"
  # Without the stack's KAFKA_BOOTSTRAP_SERVERS: Zipkin would read its spans from that Kafka (and
  # wait for a broker that starts after it); here the deployables send them over HTTP.
  pid="$(start_detached zipkin env -u KAFKA_BOOTSTRAP_SERVERS "$JAVA" -Dordersaga.process=zipkin \
    "${flags[@]}" -DQUERY_PORT="$ZIPKIN_PORT" -DMEM_MAX_SPANS="${ZIPKIN_MAX_SPANS:-200000}" \
    -jar "$ROOT/$ZIPKIN_JAR")"
  echo "$pid" > "$PIDS/zipkin.pid"
  await_observer zipkin "$pid" "$ZIPKIN_PORT" /health
}

stop_zipkin() {
  local pid
  if pid="$(pid_of zipkin)"; then stop_observer zipkin "$pid"; fi
  rm -f "$PIDS/zipkin.pid"
}

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

# require_jq COMMAND: COMMAND reads the services' JSON with jq.
require_jq() {
  command -v jq > /dev/null && return 0
  echo "run.sh: $1 needs jq to read the services' JSON; install it (apt-get install jq) and run it again." >&2
  exit 1
}

# Rebuilds when an artifact is missing or a main source, resource or pom is newer than it.
build_if_needed() {
  if [[ "${SAGA_SKIP_BUILD:-0}" == 1 ]]; then return 0; fi
  local artifacts=() entry artifact stale=""
  for entry in "${STACK[@]}"; do
    IFS='|' read -r _ _ _ _ _ _ artifact <<< "$entry"
    artifacts+=("$ROOT/$artifact")
  done
  artifacts+=("$ROOT/auditor/target/auditor-all.jar" "$ROOT/bench/target/bench-all.jar" "$ROOT/$ZIPKIN_JAR")
  for artifact in "${artifacts[@]}"; do
    [[ "$artifact" == */target/* ]] || continue   # a configuration file (HAProxy's), not built
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
  if [[ -f "$TOPOLOGY_FILE" && "$(cat "$TOPOLOGY_FILE")" != "$TOPOLOGY" ]]; then
    echo "run.sh: the $(cat "$TOPOLOGY_FILE") topology runs; ./run.sh stop it first." >&2
    exit 1
  fi
  # Rebuild only when nothing runs: never replace the jars under running processes (a restart of
  # one crashed process uses the jars the others run; ./run.sh stop first to pick up changes).
  any_running || build_if_needed
  mkdir -p "$LOGS" "$PIDS"
  [[ "$TOPOLOGY" == default ]] || echo "$TOPOLOGY" > "$TOPOLOGY_FILE"
  local t0=$SECONDS stage entry
  [[ "$TOPOLOGY" != ha ]] || create_databases
  start_zipkin
  for stage in $(for entry in "${STACK[@]}"; do echo "${entry%%|*}"; done | sort -un); do
    start_stage "$stage"
  done
  start_prometheus
  echo
  echo "Stack ready in $((SECONDS - t0))s."
  cat <<EOF

  orchestrator      $ORCHESTRATOR_URL/api/orders   (OpenAPI: $ORCHESTRATOR_URL/api-doc)
  order-service     $ORDER_SERVICE_URL/orders/{orderId}
  payment-service   $PAYMENT_SERVICE_URL/payments?orderId={orderId}
  point-service     $POINT_SERVICE_URL/points/user-1
  product-service   $PRODUCT_SERVICE_URL/products/product-1
  completion API    $COMPLETION_API_URL/notifications
  LRA coordinator   ${LRA_COORDINATOR_URLS//,//lra-coordinator }/lra-coordinator
  Kafka bootstrap   $KAFKA_BOOTSTRAP_SERVERS
EOF
  if pid_of haproxy > /dev/null; then echo "  HAProxy (stats)   http://localhost:$HAPROXY_PORT/stats"; fi
  if prometheus_pid > /dev/null; then echo "  Prometheus        http://localhost:$PROMETHEUS_PORT"; fi
  if pid_of zipkin > /dev/null; then echo "  Zipkin (traces)   http://localhost:$ZIPKIN_PORT"; fi
  cat <<EOF
  Logs              $LOGS   (./run.sh logs [name])

Try:  curl -i -X POST $ORCHESTRATOR_URL/api/orders -H 'Content-Type: application/json' \\
        -d '{"userId":"user-1","items":[{"productId":"product-1","quantity":2}],"pointsToUse":500,"paymentMethod":"CARD"}'
Stop: ./run.sh stop
EOF
}

# start_stage STAGE: starts the stage's processes that do not run yet, then waits until each of
# them is ready.
start_stage() {
  local stage="$1" entry entry_stage name port ready launch artifact pid started=()
  for entry in "${STACK[@]}"; do
    IFS='|' read -r entry_stage name _ port _ launch artifact <<< "$entry"
    [[ "$entry_stage" == "$stage" ]] || continue
    if pid="$(pid_of "$name")"; then
      echo "  $name already running (pid $pid)"
      continue
    fi
    if port_open "$port"; then
      echo "run.sh: port $port is in use by a process run.sh did not start; cannot start $name." >&2
      if command -v ss > /dev/null; then ss -ltnp "sport = :$port" >&2 || true; fi
      exit 1
    fi
    if ! declare -F "launch_$launch" > /dev/null; then
      echo "run.sh: $PROCESSES: $name: no launcher '$launch' in run.sh." >&2
      exit 1
    fi
    printf '\n===== %s starting %s =====\n' "$(date '+%F %T')" "$name" >> "$LOGS/$name.log"
    pid="$("launch_$launch" "$name" "$port" "$ROOT/$artifact")"
    echo "$pid" > "$PIDS/$name.pid"
    echo "  $name starting (pid $pid)"
    started+=("$pid|$entry")
  done
  for entry in "${started[@]}"; do
    IFS='|' read -r pid _ name _ port ready _ <<< "$entry"
    local deadline=$((SECONDS + READY_TIMEOUT)) t_start=$SECONDS
    until is_ready "$name" "$port" "$ready"; do
      alive "$pid" || fail_with_log "$name" "exited during start-up"
      ((SECONDS < deadline)) || fail_with_log "$name" "was not ready within ${READY_TIMEOUT}s"
      sleep 0.3
    done
    echo "  $name ready ($((SECONDS - t_start))s, :$port)"
  done
}

cmd_stop() {
  local i name pid
  stop_prometheus
  # Reverse order: the orchestrator first, Kafka last.
  for ((i = ${#STACK[@]} - 1; i >= 0; i--)); do
    IFS='|' read -r _ name _ <<< "${STACK[$i]}"
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
  stop_zipkin
  rm -f "$TOPOLOGY_FILE"
}

# ha: one PostgreSQL database per deployable (its ordersaga.database, then POSTGRES_DATABASE_SUFFIX),
# created if missing; "drop" drops them (reset).
create_databases() {
  local url="${POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432}" host port db
  command -v psql > /dev/null || {
    echo "run.sh: ha keeps its state in PostgreSQL and creates the databases with psql:" \
      "apt-get install postgresql-client (and a server at $url)." >&2
    exit 1
  }
  [[ "$url" =~ ^jdbc:postgresql://([^:/]+)(:([0-9]+))?$ ]] \
    || { echo "run.sh: POSTGRES_URL must be jdbc:postgresql://host[:port], not '$url'." >&2; exit 1; }
  host="${BASH_REMATCH[1]}" port="${BASH_REMATCH[3]:-5432}"
  local psql=(env PGPASSWORD="${POSTGRES_PASSWORD:-}" psql -h "$host" -p "$port" -U "${POSTGRES_USER:-postgres}" -d postgres -tAq)
  "${psql[@]}" -c 'SELECT 1' > /dev/null 2>&1 \
    || { echo "run.sh: ha needs PostgreSQL at $host:$port (user ${POSTGRES_USER:-postgres}); it does not answer." >&2; exit 1; }
  local databases
  mapfile -t databases < <(grep -h '^  database:' "$ROOT"/routes/src/main/resources/application.yml \
    "$ROOT"/service-stubs/*/src/main/resources/application.yml | awk '{print $2}' | sort -u)
  for db in "${databases[@]/%/${POSTGRES_DATABASE_SUFFIX:-}}"; do
    [[ "$db" =~ ^[a-z0-9_]+$ ]] || { echo "run.sh: '$db' is no database name (POSTGRES_DATABASE_SUFFIX?)." >&2; exit 1; }
    if [[ "${1:-}" == drop ]]; then
      "${psql[@]}" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" && echo "  database $db dropped"
    elif [[ -z "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]]; then
      "${psql[@]}" -c "CREATE DATABASE $db" && echo "  database $db created"
    fi
  done
}

cmd_status() {
  local entry name port ready pid state any_down=0 total=0 rss
  printf '%-18s %-8s %-6s %-8s %s\n' PROCESS PID PORT RSS_MB STATE
  for entry in "${STACK[@]}"; do
    IFS='|' read -r _ name _ port ready _ <<< "$entry"
    if pid="$(pid_of "$name")"; then
      if is_ready "$name" "$port" "$ready"; then state=ready; else state=starting; fi
      rss="$(rss_mb "$pid")"
      [[ "$rss" =~ ^[0-9]+$ ]] && total=$((total + rss))
      printf '%-18s %-8s %-6s %-8s %s\n' "$name" "$pid" "$port" "$rss" "$state"
    else
      printf '%-18s %-8s %-6s %-8s %s\n' "$name" - "$port" - stopped
      any_down=1
    fi
  done
  printf '%-18s %-8s %-6s %-8s\n' total "" "" "$total"
  # The observers, outside the stack's total.
  if pid="$(pid_of zipkin)"; then
    state=starting
    if curl -fsS -o /dev/null --max-time 2 "http://localhost:$ZIPKIN_PORT/health" 2>/dev/null; then state=ready; fi
    printf '%-18s %-8s %-6s %-8s %s\n' zipkin "$pid" "$ZIPKIN_PORT" "$(rss_mb "$pid")" "$state"
  elif [[ "$SAGA_ZIPKIN" == off ]]; then
    printf '%-18s %-8s %-6s %-8s %s\n' zipkin - "$ZIPKIN_PORT" - "off (SAGA_ZIPKIN)"
  else
    printf '%-18s %-8s %-6s %-8s %s\n' zipkin - "$ZIPKIN_PORT" - stopped
    any_down=1
  fi
  if pid="$(prometheus_pid)"; then
    state=starting
    if curl -fsS -o /dev/null --max-time 2 "http://localhost:$PROMETHEUS_PORT/-/ready" 2>/dev/null; then state=ready; fi
    printf '%-18s %-8s %-6s %-8s %s\n' prometheus "$pid" "$PROMETHEUS_PORT" "$(rss_mb "$pid")" "$state"
  elif [[ "$SAGA_PROMETHEUS" == off ]]; then
    printf '%-18s %-8s %-6s %-8s %s\n' prometheus - "$PROMETHEUS_PORT" - "off (SAGA_PROMETHEUS)"
  elif ! command -v prometheus > /dev/null; then
    printf '%-18s %-8s %-6s %-8s %s\n' prometheus - "$PROMETHEUS_PORT" - "not installed"
  else
    printf '%-18s %-8s %-6s %-8s %s\n' prometheus - "$PROMETHEUS_PORT" - stopped
    [[ "$SAGA_PROMETHEUS" == on ]] && any_down=1
  fi
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
  # ha keeps its databases in PostgreSQL: they go too (reset ha: even when ha does not run).
  [[ "$TOPOLOGY" != ha && "${1:-}" != ha ]] || create_databases drop
  rm -rf "$DATA"
  echo "  $DATA wiped"
}

# ---------------------------------------------------------------------------------------------
# ./run.sh demo: every saga branch against the running stack, with the final state everywhere.

# json FILTER: jq's FILTER on the JSON on stdin, raw; nothing when the value is absent or null, or
# the body is no JSON (a service's error page): the tables show "-" then.
json() { jq -r "($1) // empty" 2>/dev/null || true; }

cmd_demo() {
  require_jq demo
  curl -fsS -o /dev/null --max-time 2 "$ORCHESTRATOR_URL/actuator/health/readiness" \
    || { echo "run.sh: the stack is not running; start it with ./run.sh" >&2; exit 1; }
  # The demo's orders, for the events table: "order id TAB HTTP status TAB held TAB branch" lines.
  local ledger="$DATA/demo/orders.tsv"
  mkdir -p "$DATA/demo"
  : > "$ledger"
  echo "Each branch: a fresh user with 10000 points (100 for 'insufficient points') and a fresh product"
  echo "at 1000 with stock 10 (1 for 'out of stock'); the order takes 2 units and uses 500 points."
  echo "SAGA is the orchestrator's view; ORDER, PAYMENT, POINTS, STOCK are read from each service."
  echo
  printf '%-22s %-5s %-10s %-34s %-10s %-10s %-7s %-6s\n' \
    BRANCH HTTP SAGA REASON@STEP ORDER PAYMENT POINTS STOCK
  demo_branch "$ledger" "happy path"             ""                          500     10000 10
  demo_branch "$ledger" "payment-save fails"     "payment-save"              500     10000 10
  demo_branch "$ledger" "order-complete fails"   "order-complete"            500     10000 10
  demo_branch "$ledger" "order-create fails"     "order-create"              500     10000 10
  demo_branch "$ledger" "payment-validate fails" "payment-validate"          500     10000 10
  demo_branch "$ledger" "point-deduct fails"     "point-deduct"              500     10000 10
  demo_branch "$ledger" "stock-deduct fails"     "stock-deduct"              500     10000 10
  demo_branch "$ledger" "payment after-commit"   "payment-save:after-commit" 500     10000 10
  demo_branch "$ledger" "stock after-commit"     "stock-deduct:after-commit" 500     10000 10
  demo_branch "$ledger" "insufficient points"    ""                          500     100   10
  demo_branch "$ledger" "out of stock"           ""                          500     10000 1
  demo_branch "$ledger" "invalid input"          ""                          invalid 10000 10
  demo_branch "$ledger" "idempotent replay"      ""                          replay  10000 10
  # The partner answers the next two calls with 503: the notifier retries with backoff (step 7).
  # First let the earlier completed orders' calls land, so that the two 503s go to this order.
  demo_await_notified "$ledger"
  curl -fsS -o /dev/null -X PUT "$COMPLETION_API_URL/admin/behaviour" \
    -H 'Content-Type: application/json' -d '{"failNext":2,"status":503}'
  demo_branch "$ledger" "partner 503 twice"      ""                          500     10000 10
  # stock-deduct held for 2 min, past any saga time limit up to that: 504 when the limit passes,
  # compensated by the coordinator; the late deduction is fenced off when it finally runs.
  echo "(saga timeout: stock-deduct is held past the saga's time limit, SAGA_TIMEOUT, default 30 s)"
  demo_branch "$ledger" "saga timeout"           "stock-deduct:slow=120s"    500     10000 10
  demo_events "$ledger"
}

# demo_branch LEDGER LABEL FAILURE POINTS_TO_USE|invalid|replay START_POINTS START_STOCK: runs one
# branch on a fresh user and product, prints its row, and appends its order (if any) to LEDGER.
demo_branch() {
  local ledger="$1" label="$2" failure="$3" points="$4" start_points="$5" start_stock="$6"
  local stamp user product
  stamp="$(date +%s)"
  user="demo-user-$stamp-$RANDOM"
  product="demo-product-$stamp-$RANDOM"
  curl -fsS -o /dev/null -X PUT "$POINT_SERVICE_URL/admin/points/$user" \
    -H 'Content-Type: application/json' -d "{\"balance\":$start_points}"
  curl -fsS -o /dev/null -X PUT "$PRODUCT_SERVICE_URL/admin/products/$product" \
    -H 'Content-Type: application/json' -d "{\"name\":\"Demo\",\"price\":1000,\"stock\":$start_stock}"
  local quantity=2 use="$points" headers=() body answer status
  case "$points" in
    invalid) quantity=0; use=0 ;;
    replay) use=500; headers=(-H "Idempotency-Key: demo-$user") ;;
  esac
  if [[ -n "$failure" ]]; then headers+=(-H "X-Simulate-Failure: $failure"); fi
  body="{\"userId\":\"$user\",\"items\":[{\"productId\":\"$product\",\"quantity\":$quantity}],\"pointsToUse\":$use,\"paymentMethod\":\"CARD\"}"
  answer="$(curl -sS -w '\n%{http_code}' -X POST "$ORCHESTRATOR_URL/api/orders" -H 'Content-Type: application/json' "${headers[@]}" -d "$body")"
  if [[ "$points" == replay ]]; then
    answer="$(curl -sS -w '\n%{http_code}' -X POST "$ORCHESTRATOR_URL/api/orders" -H 'Content-Type: application/json' "${headers[@]}" -d "$body")"
  fi
  status="$(tail -n 1 <<< "$answer")"; answer="$(head -n -1 <<< "$answer")"
  local order_id reason step saga="" order="" payment=""
  order_id="$(json .orderId <<< "$answer")"
  reason="$(json .reason <<< "$answer")"; step="$(json .failedStep <<< "$answer")"
  if [[ "$status" == 400 ]]; then reason="$(json '.violations[0].field' <<< "$answer")"; step=invalid; fi
  if [[ "$status" == 504 && -n "$order_id" ]]; then
    # The coordinator's compensation may trail the answer: wait (≤ 20 s) for the order to end.
    local waited=0
    while (( waited < 20 )) && [[ "$(curl -sS "$ORDER_SERVICE_URL/orders/$order_id" | json .status)" == PENDING ]]; do
      sleep 1; waited=$((waited + 1))
    done
  fi
  if [[ -n "$order_id" ]]; then
    saga="$(curl -sS "$ORCHESTRATOR_URL/api/orders/$order_id" | json .status)"
    order="$(curl -sS "$ORDER_SERVICE_URL/orders/$order_id" | json .status)"
    payment="$(curl -sS "$PAYMENT_SERVICE_URL/payments?orderId=$order_id" | json '.[0].status')"
    # "held": order-service has the order, so its outcome event is due on order-events.
    local held=0
    if [[ -n "$order" ]]; then held=1; fi
    printf '%s\t%s\t%s\t%s\n' "$order_id" "$status" "$held" "$label" >> "$ledger"
  fi
  printf '%-22s %-5s %-10s %-34s %-10s %-10s %-7s %-6s\n' "$label" "$status" "${saga:--}" \
    "${reason:+$reason@$step}" "${order:--}" "${payment:--}" \
    "$(curl -sS "$POINT_SERVICE_URL/points/$user" | json .balance)" \
    "$(curl -sS "$PRODUCT_SERVICE_URL/products/$product" | json .stock)"
}

# demo_await_notified LEDGER: the completion API has accepted every completed (201) order of
# LEDGER (waits at most 20 s in all).
demo_await_notified() {
  local ledger="$1" id status tries=0
  while IFS=$'\t' read -r id status _; do
    [[ "$status" == 201 ]] || continue
    until curl -fsS "$COMPLETION_API_URL/calls?orderId=$id" | jq -e 'any(.[]; .status == 201)' > /dev/null \
        || (( tries >= 40 )); do
      sleep 0.5; tries=$((tries + 1))
    done
  done < "$ledger"
}

# Step 7 happens after the saga, through Kafka: show each order of LEDGER with its outcome event
# (read back from the topic) and what the external completion API received for it.
demo_events() {
  local ledger="$1" topic="" tries=0 id status held label missing events calls
  echo
  echo "After the saga: the outcome event order-service's outbox relayed to order-events (read back"
  echo "from the topic) and the calls the notifier made to the external completion API."
  echo
  while (( tries < 10 )); do
    topic="$(read_topic order-events)"
    missing=0
    while IFS=$'\t' read -r id status held label; do
      if [[ "$held" == 1 && -z "$(events_of "$id" <<< "$topic")" ]]; then missing=1; fi
    done < "$ledger"
    (( missing == 0 )) && break
    tries=$((tries + 1)); sleep 1
  done
  printf '%-38s %-22s %-16s %s\n' ORDER BRANCH EVENT "COMPLETION API CALLS (status@attempt)"
  while IFS=$'\t' read -r id status held label; do
    events="$(events_of "$id" <<< "$topic" | paste -sd, -)"
    calls="$(curl -sS "$COMPLETION_API_URL/calls?orderId=$id" \
      | json '.[] | "\(.status)@\(.attempt)"' | paste -sd, -)"
    printf '%-38s %-22s %-16s %s\n' "$id" "$label" "${events:--}" "${calls:--}"
  done < "$ledger"
  echo
  echo "(./run.sh events prints the whole topic; ./run.sh events dlt the dead-letter topic.)"
}

# events_of ORDER_ID: the type of each of the order's events in the "key TAB value" records on stdin.
events_of() {
  jq -Rr --arg id "$1" 'split("\t") | select(.[0] == $id) | .[1] | fromjson? | .type // empty'
}

# read_topic TOPIC: "key<TAB>value" per record, from the beginning to the current end.
read_topic() {
  "$JAVA" -cp "$ROOT/kafka-broker/target/lib/*" \
    -Dlog4j.configuration="file:$ROOT/config/kafka/tools-log4j.properties" \
    "$ROOT/kafka-broker/tools/ReadTopic.java" "$KAFKA_BOOTSTRAP_SERVERS" "$1"
}

cmd_events() {
  local topic="order-events"
  if [[ "${1:-}" == dlt ]]; then topic="order-events.DLT"; fi
  read_topic "$topic"
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
  local mode="${1:-all}" out="$DATA/bench" m flags
  if (( $# > 0 )); then shift; fi
  read -r -a flags <<< "${BENCH_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}"
  # The bench finds the auditor and the stack's process list (whose RSS it samples) through these.
  local bench=(env "AUDITOR_JAR=$ROOT/auditor/target/auditor-all.jar" "SAGA_STACK_PROCESSES=$PROCESSES"
    "$JAVA" "${flags[@]}" -jar "$ROOT/bench/target/bench-all.jar")
  mkdir -p "$out"
  if [[ "$mode" == tracing ]]; then
    bench_tracing "$out" "${bench[@]}" -- "$@"
    return
  fi
  if [[ "$mode" == scaling ]]; then
    bench_scaling "$out" "$@"
    return
  fi
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

# ./run.sh bench tracing [options]: what tracing costs. The saga bench (same options) on the stack
# restarted with tracing on (its default sampling, spans exported to Zipkin, which shares the
# machine) and then off, in one run; the stack is left running with tracing on.
bench_tracing() {
  local out="$1" setting
  shift
  local bench=()
  while [[ "$1" != -- ]]; do bench+=("$1"); shift; done
  shift
  for setting in on off; do
    echo "== tracing $setting: restarting the stack"
    "$0" stop > /dev/null
    SAGA_ZIPKIN="$setting" "$0" start > "$out/start-tracing-$setting.log" 2>&1 \
      || { tail -n 20 "$out/start-tracing-$setting.log" >&2; exit 1; }
    echo "== bench saga, tracing $setting"
    "${bench[@]}" saga --json "$out/saga-tracing-$setting.json" "$@" || [[ $? == 1 ]]
  done
  "$0" stop > /dev/null
  "$0" start > "$out/start-tracing-on.log" 2>&1 || { tail -n 20 "$out/start-tracing-on.log" >&2; exit 1; }
  jq -rs '"tracing on \(.[0].ordersPerSecond * 10 | round / 10) orders/s (p99 \(.[0].latency.p99Ms) ms), off \(.[1].ordersPerSecond * 10 | round / 10) orders/s (p99 \(.[1].latency.p99Ms) ms): on/off = \(.[0].ordersPerSecond / .[1].ordersPerSecond * 1000 | round / 1000) (target >= 0.9)"' \
    "$out/saga-tracing-on.json" "$out/saga-tracing-off.json"
}

# ./run.sh bench scaling [options]: what a second replica of one tier buys when that tier bounds
# throughput. The ha topology restarted with a payment provider that answers payment-validate in
# PAYMENT_PROVIDER_LATENCY (default 400ms), PAYMENT_PROVIDER_CONCURRENCY calls at once per replica
# (default 1); then the saga bench (same options) with payment-service-2 stopped, and again with
# it back, in one run. The ha stack is left running with that provider.
bench_scaling() {
  local out="$1" pid
  shift
  export PAYMENT_PROVIDER_LATENCY="${PAYMENT_PROVIDER_LATENCY:-400ms}"
  export PAYMENT_PROVIDER_CONCURRENCY="${PAYMENT_PROVIDER_CONCURRENCY:-1}"
  echo "== ha with a payment provider answering in $PAYMENT_PROVIDER_LATENCY," \
    "$PAYMENT_PROVIDER_CONCURRENCY call(s) at once per payment-service replica: restarting"
  "$0" stop > /dev/null
  "$0" ha > "$out/start-scaling.log" 2>&1 || { tail -n 20 "$out/start-scaling.log" >&2; exit 1; }
  if pid="$(pid_of payment-service-2)"; then
    kill -TERM "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  fi
  echo "== bench saga, 1 payment-service replica"
  "$0" bench saga --json "$out/saga-payment-1.json" "$@" || [[ $? == 1 ]]
  "$0" ha > "$out/start-scaling.log" 2>&1 || { tail -n 20 "$out/start-scaling.log" >&2; exit 1; }
  echo "== bench saga, 2 payment-service replicas"
  "$0" bench saga --json "$out/saga-payment-2.json" "$@" || [[ $? == 1 ]]
  jq -rs '"payment-service x1 \(.[0].ordersPerSecond * 10 | round / 10) orders/s (p99 \(.[0].latency.p99Ms) ms), x2 \(.[1].ordersPerSecond * 10 | round / 10) orders/s (p99 \(.[1].latency.p99Ms) ms): x2/x1 = \(.[1].ordersPerSecond / .[0].ordersPerSecond * 100 | round / 100) (target >= 1.7)"' \
    "$out/saga-payment-1.json" "$out/saga-payment-2.json"
}

case "${1:-start}" in
  start | ha) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  logs) shift; cmd_logs "$@" ;;
  reset) shift; cmd_reset "$@" ;;
  demo) cmd_demo ;;
  events) shift; cmd_events "$@" ;;
  audit) cmd_audit ;;
  bench) shift; cmd_bench "$@" ;;
  -h | --help | help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) echo "run.sh: unknown command '$1' (try ./run.sh help)" >&2; exit 2 ;;
esac
