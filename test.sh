#!/usr/bin/env bash
# Runs every test: domain, integration on SQLite and on a throwaway PostgreSQL, and browser
# tests in Chromium. Installs what is missing, and ends with one line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prereqs.sh

ensure_dotnet
ensure_node
ensure_apt chromium fonts-noto-cjk postgresql poppler-utils zbar-tools

# A throwaway PostgreSQL on a free loopback port, stopped when this script ends.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$pg_bin/initdb" ] || die "PostgreSQL server binaries not found under /usr/lib/postgresql"
pg_dir=$(mktemp -d /tmp/opsconsole-pg.XXXXXX)
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
  || shuf -i 20000-40000 -n 1)
run_pg() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" = "0" ] && chown postgres "$pg_dir"
stop_pg() { run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
trap stop_pg EXIT
say "starting a throwaway PostgreSQL on 127.0.0.1:$pg_port"
run_pg "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null
export OPSCONSOLE_TEST_PG="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true"
export OPSCONSOLE_CHROMIUM=/usr/bin/chromium

say "building with warnings as errors..."
dotnet build OpsConsole.sln -c Debug -nologo -v quiet -clp:ErrorsOnly -warnaserror

results=artifacts/test-results
rm -rf "$results"
say "running tests..."
set +e
dotnet test OpsConsole.sln --no-build -nologo -v quiet --logger "trx;LogFileName=all.trx" --logger "console;verbosity=minimal" \
  --results-directory "$results" "$@"
code=$?
set -e

total_passed=0; total_failed=0; total_skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total_passed=$((total_passed + $(get passed)))
  total_failed=$((total_failed + $(get failed)))
  total_skipped=$((total_skipped + $(get notExecuted)))
done
if [ "$total_passed" -eq 0 ] && [ "$total_failed" -eq 0 ]; then
  say "no test results found"; [ $code -eq 0 ] && code=1
fi
if [ "$total_skipped" -gt 0 ]; then
  echo "$total_passed passed, $total_failed failed, $total_skipped skipped"
else
  echo "$total_passed passed, $total_failed failed"
fi
exit $code
