#!/usr/bin/env bash
# SLA breach detection under load (docs/benchmarks.md): the real host with the default "SLA" workflow,
# OPEN_TICKETS open tickets under SLA (each with its SLA workflow instance suspended on a timer), then
# more tickets opened at a steady rate under a short first-response target; how late each breach is
# recorded after its due time (the lag), and whether every one is.
#
# Usage: benchmarks/sla-breach.sh [data folder, default /tmp/support-sla]
# Environment: OPEN_TICKETS (100000), TARGET_MINUTES (3: the short first-response target of phase 2),
#              RATE (50: tickets opened per second in phase 2, roughly), WINDOW (120: seconds of phase 2),
#              REUSE=1 to keep phase 1's database from an earlier run (<data folder>/phase1).
# Needs: dotnet, wrk 4.x, sqlite3, curl.
#
# Phase 1 opens the tickets through the portal form (benchmarks/ticketing-open.lua) with the default
# policies (Normal: 4 business hours), so every ticket has a running first-response clock and an SLA
# instance waiting for its warning. The host is then stopped, the Normal policy is given the 24/7
# calendar, a TARGET_MINUTES first-response target and a 50 % warning, and the host started again on
# the same file (restart time measured). Phase 2 opens RATE tickets a second for WINDOW seconds: each
# is warned after half the target and breached at the target, while the phase 1 instances stay
# suspended. The lag of a breach is the time of its "SLA breached" entry in the ticket's audit trail
# (written by the workflow's "Mark SLA warning or breach" activity, in the transaction that raises
# the integration event) minus the due time it was raised for.
set -euo pipefail
cd "$(dirname "$0")/.."

data=${1:-/tmp/support-sla}
open_tickets=${OPEN_TICKETS:-100000}
target=${TARGET_MINUTES:-3}
rate=${RATE:-50}
window=${WINDOW:-120}
port=5098
base="http://127.0.0.1:$port"
host_dll=host/Support.Host/bin/Release/net10.0/Support.Host.dll
lua_open=benchmarks/ticketing-open.lua

for tool in dotnet wrk sqlite3 curl; do
    command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 1; }
done

echo "== build (Release)"
dotnet build host/Support.Host -c Release -v quiet -nologo >/dev/null

# start_host, stop_host, form_token, cookie_header
source benchmarks/host.sh


# Opens tickets through the portal form for $1 seconds with $2 connections, each pausing $3 ms
# before each request; tags the subjects with $4.
open_tickets() {
    local jar form cookie
    jar=$(mktemp)
    form=$(curl -fs -c "$jar" "$base/tickets/new" | form_token)
    cookie=$(cookie_header "$jar")
    rm -f "$jar"
    FORM_TOKEN="$form" FORM_COOKIE="$cookie" RUN="$4" OPEN_SECONDS="$1" PAUSE_MS="$3" \
        wrk -t2 -c"$2" -d"$(($1 + 5))s" --timeout 30s -s "$lua_open" "$base/tickets/new" | grep -E 'created|other answers'
}

q() { sqlite3 "$db" "$1"; }
rss() { awk '/VmRSS/ { printf "%.0f MiB", $2 / 1024 }' "/proc/$host_pid/status"; }

if [ "${REUSE:-0}" != 1 ] || [ ! -f "$data/phase1/support.db" ]; then
    echo "== phase 1: $open_tickets open tickets under the default policies"
    rm -rf "$data"
    mkdir -p "$data/phase1"
    db="$data/phase1/support.db"
    start_host "$data/phase1"
    while [ "$(q 'SELECT COUNT(*) FROM ticketing_ticket;')" -lt "$open_tickets" ]; do
        open_tickets 30 32 0 "phase1-$(date +%s)"
    done
    echo "tickets: $(q 'SELECT COUNT(*) FROM ticketing_ticket;')"
    stop_host
fi

rm -rf "$data/run"
cp -r "$data/phase1" "$data/run"
db="$data/run/support.db"
echo "open tickets: $(q "SELECT COUNT(*) FROM ticketing_ticket WHERE Status = 0 AND SlaDueAtUtc IS NOT NULL;") with a running clock; SLA instances: $(q 'SELECT COUNT(*) FROM workflows_instances;'), timers: $(q 'SELECT COUNT(*) FROM workflows_timers;')"
echo "database: $(du -h "$db" | cut -f1)"

q "UPDATE ticketing_sla_policy SET Calendar = '24/7', FirstResponseMinutes = $target, WarningPercent = 50 WHERE Severity = 0;"
echo "== restart on the same file, Normal policy: first response $target min 24/7, warning at 50 %"
started=$(date +%s%N)
start_host "$data/run"
echo "ready in $(( ($(date +%s%N) - started) / 1000000 )) ms; host RSS $(rss)"
# Every open ticket's SLA instance must exist (and wait on its timer) before phase 2: events still in the
# outbox from phase 1 are delivered first.
backlog=$(q "SELECT COUNT(*) FROM ticketing_outbox_messages WHERE ProcessedAtUtc IS NULL;")
drain_started=$(date +%s%N)
until [ "$(q "SELECT COUNT(*) FROM workflows_timers;")" -ge "$(q 'SELECT COUNT(*) FROM ticketing_ticket;')" ]; do sleep 1; done
drain_ms=$(( ($(date +%s%N) - drain_started) / 1000000 ))
echo "events left from phase 1: $backlog, delivered in $drain_ms ms; SLA instances: $(q 'SELECT COUNT(*) FROM workflows_instances;'); host RSS $(rss)"

before=$(q "SELECT MAX(Id) FROM ticketing_ticket;")
connections=8
pause=$(( 1000 * connections / rate ))
echo "== phase 2: about $rate tickets/s for $window s ($connections connections pausing $pause ms; load average $(cut -d' ' -f1-3 /proc/loadavg))"
open_tickets "$window" "$connections" "$pause" "phase2-$(date +%s)"
added=$(q "SELECT COUNT(*) FROM ticketing_ticket WHERE Id > $before;")
echo "tickets opened: $added; waiting for their breaches (due $target min after opening)"
deadline=$(( $(date +%s) + target * 60 + 120 ))
while [ "$(q "SELECT COUNT(*) FROM ticketing_ticket WHERE Id > $before AND SlaBreachedForUtc IS NOT NULL;")" -lt "$added" ] && [ "$(date +%s)" -lt "$deadline" ]; do
    sleep 5
done
echo "host RSS $(rss); load average $(cut -d' ' -f1-3 /proc/loadavg)"
stop_host

read -r warned breached < <(sqlite3 -separator ' ' "$db" "
    SELECT (SELECT COUNT(*) FROM ticketing_ticket_change c WHERE c.TicketId > $before AND c.Field = 'SlaWarning'),
           (SELECT COUNT(*) FROM ticketing_ticket_change c WHERE c.TicketId > $before AND c.Field = 'SlaBreached');")
echo "warnings recorded: $warned, breaches recorded: $breached, for $added tickets"
q "SELECT CAST((julianday(c.AtUtc) - julianday(t.SlaBreachedForUtc)) * 86400000 AS INTEGER)
   FROM ticketing_ticket_change c JOIN ticketing_ticket t ON t.Id = c.TicketId
   WHERE c.TicketId > $before AND c.Field = 'SlaBreached';" | sort -n | awk '
    { lag[NR] = $1 }
    END {
        if (NR == 0) { print "no breach recorded"; exit 1 }
        printf "breach lag (ms): p50 %d, p90 %d, p99 %d, max %d (%d breaches)\n",
            lag[rank(0.50)], lag[rank(0.90)], lag[rank(0.99)], lag[NR], NR
    }
    function rank(p,    r) {
        r = int(NR * p + 0.999999)
        return r < 1 ? 1 : r
    }'
[ "$breached" = "$added" ] || { echo "not every ticket was breached" >&2; exit 1; }
