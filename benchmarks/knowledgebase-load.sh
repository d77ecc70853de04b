#!/usr/bin/env bash
# The knowledge base under load (docs/benchmarks.md): with 100,000 articles, wrk against the portal's
# search page, the new-ticket form's suggestions and an article page, on 127.0.0.1.
#
# Usage: benchmarks/knowledgebase-load.sh [data folder, default /tmp/support-kb-100k]
# Environment: ARTICLES (100000), CONNECTIONS (16), THREADS (2), DURATION (20, seconds per run),
#              WARMUP (10, seconds of unmeasured load before each run), RESEED=1 to build the data again,
#              KEEP_SEARCH_RESULTS (true; false searches on every request: wrk repeats one URL, so with
#              the results kept every search but the first is answered from memory, ADR 0021).
# Needs: dotnet, wrk 4.x, curl.
#
# The host creates the tables and the categories at a first start; benchmarks/Support.Benchmarks.KnowledgeBase
# then adds the articles (plain INSERTs, which the search triggers index).
set -euo pipefail
cd "$(dirname "$0")/.."

data=${1:-/tmp/support-kb-100k}
articles=${ARTICLES:-100000}
connections=${CONNECTIONS:-16}
threads=${THREADS:-2}
duration=${DURATION:-20}
port=5187
export Modules__KnowledgeBase__KeepSearchResults=${KEEP_SEARCH_RESULTS:-true}
base="http://127.0.0.1:$port"
host_dll=host/Support.Host/bin/Release/net10.0/Support.Host.dll
bench_dll=benchmarks/Support.Benchmarks.KnowledgeBase/bin/Release/net10.0/Support.Benchmarks.KnowledgeBase.dll

for tool in dotnet wrk curl; do
    command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 1; }
done

echo "== build (Release)"
dotnet build host/Support.Host -c Release -v quiet -nologo >/dev/null
dotnet build benchmarks/Support.Benchmarks.KnowledgeBase -c Release -v quiet -nologo >/dev/null

# start_host, stop_host, form_token, cookie_header
source benchmarks/host.sh

if [ "${RESEED:-0}" = 1 ] || [ ! -f "$data/seeded.txt" ]; then
    rm -rf "$data"
    mkdir -p "$data"
    start_host "$data"   # migrations, the first admin, the categories from the help topics
    stop_host
    start=$(date +%s)
    dotnet "$bench_dll" seed "$data/support.db" "$articles"
    echo "seeded $articles articles in $(( $(date +%s) - start )) s" >"$data/seeded.txt"
fi
cat "$data/seeded.txt"
start_host "$data"

load() {
    local name=$1 path=$2
    local status
    status=$(curl -s -o /dev/null -w '%{http_code}' "$base$path")
    [ "$status" = 200 ] || { echo "$path answered $status" >&2; exit 1; }
    wrk -t"$threads" -c"$connections" -d"${WARMUP:-10}s" --timeout 30s "$base$path" >/dev/null
    echo "== $name: GET $path  (search results kept: $Modules__KnowledgeBase__KeepSearchResults; wrk -t$threads -c$connections -d${duration}s --latency; load average $(cut -d' ' -f1-3 /proc/loadavg))"
    wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 30s --latency "$base$path" |
        grep -E 'Requests/sec|^ +50%|^ +99%|Non-2xx|Socket errors|requests in'
}

load "portal search, three words" "/kb/search?q=imprimante+hors+connexion"
load "portal search, common words" "/kb/search?q=mot+de+passe"
load "portal search, no match" "/kb/search?q=xylophone"
load "new-ticket suggestions" "/tickets/new?handler=Suggestions&q=mon+imprimante+est+hors+connexion"
load "article page" "/kb/articles/50000"
