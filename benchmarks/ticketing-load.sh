#!/usr/bin/env bash
# Ticketing under load (docs/benchmarks.md): with a million tickets in SQLite, wrk against the
# agent queue (first page, second page through the keyset cursor, the SLA queues "Breached" and
# "At risk", a full-text search in the closed queue), the customer's ticket view, and customers
# opening tickets through the portal form.
#
# Usage: benchmarks/ticketing-load.sh [data folder, default /tmp/support-ticketing-1m]
# Environment: TICKETS (1000000), CONNECTIONS (32), THREADS (2), DURATION (30, seconds per run),
#              WARMUP (30, seconds of unmeasured load before each run),
#              SEARCH (imprimante), RESEED=1 to build the database again,
#              SCENARIOS (default "queue page2 breached atrisk view open search": which runs to make, in that order).
# Needs: dotnet, wrk 4.x, sqlite3, curl (apt-get install -y wrk sqlite3 curl).
#
# The seeded database is built once, in <data folder>/seed, by a first start of the host (which
# creates the tables) followed by benchmarks/Support.Benchmarks.Seed; each run then works on a
# fresh copy in <data folder>/run, so that the tickets a run opens never change the next run's data.
set -euo pipefail
cd "$(dirname "$0")/.."

data=${1:-/tmp/support-ticketing-1m}
tickets=${TICKETS:-1000000}
connections=${CONNECTIONS:-32}
threads=${THREADS:-2}
duration=${DURATION:-30}
search=${SEARCH:-imprimante}
port=5097
base="http://127.0.0.1:$port"
admin_email=admin@example.com
admin_password=benchmark-password-1
host_dll=host/Support.Host/bin/Release/net10.0/Support.Host.dll
seed_dll=benchmarks/Support.Benchmarks.Seed/bin/Release/net10.0/Support.Benchmarks.Seed.dll
lua_open=benchmarks/ticketing-open.lua

for tool in dotnet wrk sqlite3 curl; do
    command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 1; }
done

echo "== build (Release)"
dotnet build host/Support.Host -c Release -v quiet -nologo >/dev/null
dotnet build benchmarks/Support.Benchmarks.Seed -c Release -v quiet -nologo >/dev/null

# start_host, stop_host, form_token, cookie_header
source benchmarks/host.sh

# Ticket timestamps as EF Core stores them ('yyyy-MM-dd HH:mm:ss.FFFFFFF'; a whole second has no fraction).
utc() { date -u -d "$1" '+%Y-%m-%d %H:%M:%S'; }

if [ "${RESEED:-0}" = 1 ] || [ ! -f "$data/seed/seeded.txt" ]; then
    echo "== seed $tickets tickets into $data/seed"
    rm -rf "$data/seed"
    mkdir -p "$data/seed"
    start_host "$data/seed"   # migrations and the first admin
    stop_host
    seed_start=$(date +%s)
    dotnet "$seed_dll" "$data/seed/support.db" "$tickets" | tee "$data/seed/seed.log"
    seed_end=$(date +%s)
    {
        echo "seeded $(date -u '+%Y-%m-%d %H:%M') UTC in $((seed_end - seed_start)) s"
        tail -1 "$data/seed/seed.log"
    } >"$data/seed/seeded.txt"
fi
cat "$data/seed/seeded.txt"
echo "database: $(du -h "$data/seed/support.db" | cut -f1) ($(stat -c %s "$data/seed/support.db") bytes)"

echo "== copy the seeded folder to $data/run"
rm -rf "$data/run"
cp -r "$data/seed" "$data/run"
db="$data/run/support.db"
# The open tickets' SLA clocks, due from a day ago to two days ahead of now (the seed's own are as old as the seed).
dotnet "$seed_dll" "$db" --sla
# The copy leaves gigabytes of dirty pages; written back during a run they would slow every commit's flush.
sync

# A customer access link with a token known here, on the newest ticket with three thread entries.
token=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
token_hash=$(printf '%s' "$token" | sha256sum | cut -c1-64)
view_ticket=$(sqlite3 "$db" "SELECT t.Id FROM ticketing_ticket t WHERE (SELECT COUNT(*) FROM ticketing_thread_entry e WHERE e.TicketId = t.Id) = 3 ORDER BY t.Id DESC LIMIT 1;")
sqlite3 "$db" "INSERT INTO ticketing_access_link (TicketId, TokenHash, CreatedAtUtc, ExpiresAtUtc) VALUES ($view_ticket, X'$token_hash', '$(utc now)', '$(utc '+7 days')');"

echo "== start the host on the copy"
start_host "$data/run"
jar=$(mktemp)
trap 'stop_host; rm -f "$jar"' EXIT


# Staff sign-in: the form's antiforgery token and cookie, then the POST; keep the cookies.
login_token=$(curl -fs -c "$jar" -b "$jar" "$base/Staff/Login" | form_token)
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
    --data-urlencode "__RequestVerificationToken=$login_token" \
    --data-urlencode "Email=$admin_email" --data-urlencode "Password=$admin_password" "$base/Staff/Login")
[ "$status" = 302 ] || { echo "staff sign-in answered $status" >&2; exit 1; }
staff_cookie=$(cookie_header "$jar")

# Customer session: open the access link, which sets the support.ticket cookie.
customer_jar=$(mktemp)
curl -fs -o /dev/null -c "$customer_jar" "$base/tickets/access/$token"
customer_cookie=$(cookie_header "$customer_jar")
rm -f "$customer_jar"

# The second page of the queue: the "next" link of the first page.
after=$(curl -fs -H "Cookie: $staff_cookie" "$base/Staff/Tickets" | grep -o 'after=[0-9_]*' | head -1)
[ -n "$after" ] || { echo "no next-page link on the queue" >&2; exit 1; }

check() {
    local status
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $2" "$base$1")
    [ "$status" = 200 ] || { echo "$1 answered $status" >&2; exit 1; }
}

# Waits until the Ticketing outbox has no event left to handle and the email outbox no email left to send
# (at most 5 minutes); leaves the seconds it waited in $waited and what is left in $pending and $queued.
wait_idle() {
    local started=$SECONDS
    for _ in $(seq 1 600); do
        pending=$(sqlite3 "$db" "SELECT COUNT(*) FROM ticketing_outbox_messages WHERE ProcessedAtUtc IS NULL;" 2>/dev/null || echo -1)
        queued=$(sqlite3 "$db" "SELECT COUNT(*) FROM kernel_email_messages WHERE Status = 0;" 2>/dev/null || echo -1)
        [ "$pending" = 0 ] && [ "$queued" = 0 ] && break
        sleep 0.5
    done
    waited=$((SECONDS - started))
}

scenarios=" ${SCENARIOS:-queue page2 breached atrisk view open search} "
wanted() { [[ "$scenarios" == *" $1 "* ]]; }

load() {
    local name=$1 path=$2 cookie=$3
    check "$path" "$cookie"
    # Warm-up, not measured: the JIT's optimised code (tiered compilation) and the page cache.
    wrk -t"$threads" -c"$connections" -d"${WARMUP:-30}s" --timeout 30s -H "Cookie: $cookie" "$base$path" >/dev/null
    echo "== $name: GET $path  (wrk -t$threads -c$connections -d${duration}s --latency; load average $(cut -d' ' -f1-3 /proc/loadavg))"
    wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 30s --latency -H "Cookie: $cookie" "$base$path" |
        grep -E 'Requests/sec|^ +50%|^ +99%|Non-2xx|Socket errors|requests in'
}

echo "matches for '$search': $(sqlite3 "$db" "SELECT COUNT(*) FROM ticketing_ticket_search WHERE ticketing_ticket_search MATCH '\"$search\"*';") tickets"
if wanted queue; then load "agent queue, first page" "/Staff/Tickets" "$staff_cookie"; fi
if wanted page2; then load "agent queue, second page" "/Staff/Tickets?$after" "$staff_cookie"; fi
if wanted breached; then load "agent queue Breached ($(sqlite3 "$db" "SELECT COUNT(*) FROM ticketing_ticket WHERE SlaDueAtUtc <= '$(utc now)';") tickets)" "/Staff/Tickets?queue=Breached" "$staff_cookie"; fi
if wanted atrisk; then load "agent queue At risk" "/Staff/Tickets?queue=AtRisk" "$staff_cookie"; fi
if wanted view; then load "customer ticket view (ticket $view_ticket)" "/tickets/view" "$customer_cookie"; fi
if wanted open; then

    # Opening tickets: one antiforgery token and cookie for the whole run; a warm-up run first, not
    # counted (tiered compilation needs tens of seconds of traffic before a code path runs optimised).
    form_jar=$(mktemp)
    form=$(curl -fs -c "$form_jar" "$base/tickets/new" | form_token)
    form_cookie=$(cookie_header "$form_jar")
    rm -f "$form_jar"
    FORM_TOKEN="$form" FORM_COOKIE="$form_cookie" RUN="warm-up" OPEN_SECONDS="${WARMUP:-30}" \
        wrk -t"$threads" -c"$connections" -d"$((${WARMUP:-30} + 5))s" --timeout 30s -s "$lua_open" "$base/tickets/new" >/dev/null
    # The warm-up's tickets leave work behind (events in the outbox, emails to send): the measured run starts
    # once it is done, so that the work measured is the measured tickets' own.
    wait_idle
    echo "the warm-up's work done $waited s after its last answer"
    before=$(sqlite3 "$db" "SELECT COALESCE(MAX(Id), 0) FROM ticketing_ticket;")
    run=$(date +%s)
    open_seconds=$((duration - 5))
    echo "== open tickets: POST /tickets/new for ${open_seconds}s, then 5 s for the last answers (wrk -t$threads -c$connections --latency -s $lua_open; load average $(cut -d' ' -f1-3 /proc/loadavg))"
    result=$(FORM_TOKEN="$form" FORM_COOKIE="$form_cookie" RUN="$run" OPEN_SECONDS="$open_seconds" \
        wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 30s --latency -s "$lua_open" "$base/tickets/new")
    echo "$result" | grep -E '^ +50%|^ +99%|Non-2xx|Socket errors|requests in|created|other answers'
    created=$(echo "$result" | sed -n 's/^created (302): //p')
    sleep 2

    # None lost: every 302 is a ticket in the database, with its first message and its access link.
    read -r added span entries links < <(sqlite3 -separator ' ' "$db" "
        SELECT COUNT(*),
               printf('%.1f', (julianday(MAX(CreatedAtUtc)) - julianday(MIN(CreatedAtUtc))) * 86400),
               (SELECT COUNT(*) FROM ticketing_thread_entry WHERE TicketId > $before),
               (SELECT COUNT(*) FROM ticketing_access_link WHERE TicketId > $before)
        FROM ticketing_ticket WHERE Id > $before AND Subject LIKE '% $run %';")
    echo "tickets added: $added (thread entries $entries, access links $links) for $created answers 302"
    echo "tickets/s: $(awk -v n="$added" -v s="$open_seconds" 'BEGIN { printf "%.0f", n / s }') over the ${open_seconds}s of sending; $(awk -v n="$added" -v s="$span" 'BEGIN { printf "%.0f", n / s }') between the first and the last ticket's timestamps (${span}s)"
    # Every event handled and every email sent: the "ticket opened" events (SLA workflow, staff notifications)
    # and the emails wait in their outboxes while the burst lasts, and handling them is part of the full
    # stack's cost: the sustained rate counts the time from the first ticket until the last of that work.
    wait_idle
    instances=$(sqlite3 "$db" "SELECT COUNT(DISTINCT CorrelationId) FROM workflows_instances WHERE CAST(CorrelationId AS INTEGER) > $before;")
    sent=$(sqlite3 "$db" "SELECT COUNT(*) FROM kernel_email_messages WHERE Status = 1 AND QueuedAtUtc >= (SELECT MIN(CreatedAtUtc) FROM ticketing_ticket WHERE Id > $before);")
    # From the first measured ticket to the last piece of their work: the last email sent, the last event handled.
    whole=$(sqlite3 "$db" "
        SELECT printf('%.1f', (julianday(MAX(
                   (SELECT MAX(SentAtUtc) FROM kernel_email_messages WHERE QueuedAtUtc >= t.First),
                   (SELECT MAX(ProcessedAtUtc) FROM ticketing_outbox_messages WHERE OccurredAtUtc >= t.First),
                   t.Last)) - julianday(t.First)) * 86400)
        FROM (SELECT MIN(CreatedAtUtc) AS First, MAX(CreatedAtUtc) AS Last FROM ticketing_ticket WHERE Id > $before) t;")
    echo "all their work done $((waited + 2)) s after the last answer (events left: $pending, emails left: $queued): workflow instances for the $added tickets: $instances; emails sent: $sent"
    echo "sustained tickets/s, all their work included: $(awk -v n="$added" -v s="$whole" 'BEGIN { printf "%.0f", n / s }') (${whole}s from the first ticket to the last email)"
    if [ "$added" = "$created" ] && [ "$entries" = "$added" ] && [ "$links" = "$added" ] && [ "$pending" = 0 ] && [ "$queued" = 0 ] && [ "$instances" = "$added" ]; then
        echo "none lost: yes"
    else
        echo "none lost: NO" >&2
        lost=1
fi

fi

# The search runs last: requests still running on the host when wrk stops would slow any later run.
if wanted search; then load "agent search, closed queue" "/Staff/Tickets?queue=Closed&q=$search" "$staff_cookie"; fi
exit "${lost:-0}"
