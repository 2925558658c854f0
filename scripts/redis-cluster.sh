#!/usr/bin/env bash
# A throwaway Redis Cluster on loopback for tests: 3 masters, each with one replica (6 Debian
# `redis-server` processes in cluster mode, no persistence), on free ports under a folder of its own.
#
#   scripts/redis-cluster.sh start [DIR]   starts it, waits for cluster_state:ok and prints
#                                          REDIS_CLUSTER_NODES=127.0.0.1:p1,...  (also in DIR/nodes.env)
#   scripts/redis-cluster.sh stop [DIR]    stops its processes and removes DIR
#
# DIR defaults to ${TMPDIR:-/tmp}/sentra-redis-cluster. Replicas are there so a test can kill a master
# and watch its replica take over (cluster-node-timeout is 1 s, so a failover takes about 2 s).
set -euo pipefail

command_name="${1:-}"
dir="${2:-${TMPDIR:-/tmp}/sentra-redis-cluster}"
nodes=6

port_free() {
  # Neither the client port nor its cluster bus port (+10000) may answer.
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && ! (exec 3<>"/dev/tcp/127.0.0.1/$(($1 + 10000))") 2>/dev/null
}

# wait_for PORT PATTERN COMMAND...: waits up to 10 s for `redis-cli -p PORT COMMAND...` to print a
# line matching PATTERN; fails when it never does.
wait_for() {
  local port="$1" pattern="$2"
  shift 2
  for _ in $(seq 1 100); do
    redis-cli -p "$port" "$@" 2>/dev/null | grep -q "$pattern" && return 0
    sleep 0.1
  done
  return 1
}

stop() {
  [ -d "$dir" ] || return 0
  # The pids are read first: a server removes its pid file as it exits.
  local pids=() pidfile pid
  for pidfile in "$dir"/*/redis.pid; do
    [ -f "$pidfile" ] && pids+=("$(cat "$pidfile")")
  done
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
  rm -rf "$dir"
}

start() {
  if [ -f "$dir/nodes.env" ]; then
    echo "a cluster already runs from $dir (stop it first)" >&2
    exit 1
  fi
  mkdir -p "$dir"
  # Ports and bus ports stay below the kernel's ephemeral range (32768 and up by default), where an
  # outgoing connection could hold a port that looks free.
  local ports=() port=$((10000 + RANDOM % 12000))
  while [ "${#ports[@]}" -lt "$nodes" ]; do
    port=$((port + 1))
    [ "$port" -lt 22700 ] || port=10001
    port_free "$port" && ports+=("$port")
  done
  for port in "${ports[@]}"; do
    mkdir -p "$dir/$port"
    redis-server --port "$port" --bind 127.0.0.1 --daemonize yes --dir "$dir/$port" \
      --pidfile "$dir/$port/redis.pid" --logfile "$dir/$port/redis.log" \
      --cluster-enabled yes --cluster-config-file nodes.conf --cluster-node-timeout 1000 \
      --save "" --appendonly no --repl-diskless-sync-delay 0
  done
  for port in "${ports[@]}"; do
    for _ in $(seq 1 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
    redis-cli -p "$port" ping >/dev/null 2>&1 || { echo "node $port did not start:" >&2; tail -n 5 "$dir/$port/redis.log" >&2; stop; exit 1; }
  done
  local addresses=()
  for port in "${ports[@]}"; do addresses+=("127.0.0.1:$port"); done
  redis-cli --cluster create "${addresses[@]}" --cluster-replicas 1 --cluster-yes >"$dir/create.log" 2>&1 || {
    cat "$dir/create.log" >&2
    stop
    exit 1
  }
  # Every node must see the whole cluster as ok (slots covered, replicas attached) before it is used.
  for port in "${ports[@]}"; do
    wait_for "$port" '^cluster_state:ok' cluster info || { echo "node $port: cluster not ok" >&2; stop; exit 1; }
  done
  # cluster_state:ok says the slots are covered, not that the replicas hold their master's data: a
  # replica's first sync comes after it. A master killed before it would be replaced by an empty
  # replica (or by none, whose data is too old to stand for election), so wait for every link.
  for port in "${ports[@]}"; do
    redis-cli -p "$port" info replication | grep -q '^role:slave' || continue
    wait_for "$port" '^master_link_status:up' info replication || { echo "replica $port: no link to its master" >&2; stop; exit 1; }
  done
  local list
  list="$(IFS=,; echo "${addresses[*]}")"
  echo "REDIS_CLUSTER_NODES=$list" >"$dir/nodes.env"
  echo "REDIS_CLUSTER_NODES=$list"
}

case "$command_name" in
  start) start ;;
  stop) stop ;;
  *)
    echo "usage: $0 start|stop [DIR]" >&2
    exit 2
    ;;
esac
