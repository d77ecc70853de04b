# Shared by the benchmark scripts (sourced, not run): start and stop the Release host, and read the
# antiforgery token and cookies of a form. The caller sets `base` (http://127.0.0.1:<port>) and
# `host_dll`, and runs from the repository root.

host_pid=

# Starts the host on the data folder $1 (log appended to $1/host.log) and waits for /health.
start_host() {
    local folder=$1
    ASPNETCORE_ENVIRONMENT=Production DataFolder="$folder" Ticketing__DemoData=false \
        Bootstrap__AdminEmail=admin@example.com Bootstrap__AdminPassword=benchmark-password-1 \
        dotnet "$host_dll" --urls "$base" --contentRoot "$PWD/host/Support.Host" >>"$folder/host.log" 2>&1 &
    host_pid=$!
    local waited=0
    until curl -fs "$base/health" >/dev/null 2>&1; do
        sleep 0.2
        waited=$((waited + 1))
        if [ "$waited" -gt 900 ] || ! kill -0 "$host_pid" 2>/dev/null; then
            echo "the host did not start; see $folder/host.log" >&2
            exit 1
        fi
    done
}

stop_host() {
    if [ -n "$host_pid" ]; then
        kill "$host_pid" 2>/dev/null || true
        wait "$host_pid" 2>/dev/null || true
        host_pid=
    fi
}
trap stop_host EXIT

# The antiforgery token of the first form in the HTML on stdin.
form_token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }

# A Cookie header made of the cookies in the curl cookie jar $1.
cookie_header() { awk -F'\t' '$6 != "" && $7 != "" { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$1"; }
