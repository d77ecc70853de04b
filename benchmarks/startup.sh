#!/usr/bin/env bash
# Measures the host's cold start: from launching the built host on an empty data folder (so the
# migrations and the first-admin bootstrap run) to the first 200 from /health, and again on the
# same folder (a restart). Usage: benchmarks/startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
port=5099
dotnet build host/Support.Host -c Release -v quiet -nologo >/dev/null
host_dll=host/Support.Host/bin/Release/net10.0/Support.Host.dll

measure() {
    local data=$1
    local start end
    start=$(date +%s%N)
    ASPNETCORE_ENVIRONMENT=Production DataFolder="$data" Bootstrap__AdminPassword=benchmark-password-1 \
        dotnet "$host_dll" --urls "http://127.0.0.1:$port" --contentRoot "$PWD/host/Support.Host" >/dev/null 2>&1 &
    local pid=$!
    until curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1; do sleep 0.02; done
    end=$(date +%s%N)
    kill "$pid"; wait "$pid" 2>/dev/null || true
    echo $(( (end - start) / 1000000 ))
}

echo "run first-start-ms restart-ms"
for i in $(seq 1 "$runs"); do
    data=$(mktemp -d)
    first=$(measure "$data")
    again=$(measure "$data")
    echo "$i $first $again"
    rm -rf "$data"
done
