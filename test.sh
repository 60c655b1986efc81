#!/usr/bin/env bash
# Runs every Cockpit test project and ends with one line: "tests: N passed, N failed, N skipped".
# Installs what the tests need when it is missing: with apt-get when run as root, otherwise it says what to install.
# Exits non-zero when anything failed or no test ran.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET 10 SDK is required and 'dotnet' is not on PATH (https://dot.net)." >&2
  exit 2
fi

# Debian packages the tests use: Chromium for browser tests, CJK fonts so Chinese text renders in screenshots,
# Node.js/npm for the ApexCharts restore, a real MQTT broker and its clients, a real InfluxDB, and the InfluxDB
# Python client (a real 1.x client writing to Cockpit).
missing=()
[ -x /usr/bin/chromium ] || [ -n "${COCKPIT_CHROMIUM:-}" ] || missing+=(chromium)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
[ -x /usr/sbin/mosquitto ] || missing+=(mosquitto)
command -v mosquitto_pub >/dev/null 2>&1 || missing+=(mosquitto-clients)
[ -x /usr/bin/influxd ] || missing+=(influxdb)
/usr/bin/python3 -c 'import influxdb' >/dev/null 2>&1 || missing+=(python3-influxdb)
if command -v dpkg >/dev/null 2>&1 && ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then missing+=(fonts-noto-cjk); else echo "test.sh: fonts-noto-cjk is not installed; screenshots will show boxes for Chinese text." >&2; fi
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing ${missing[*]} ..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "test.sh: missing ${missing[*]}. Install them, e.g.: sudo apt-get install ${missing[*]}" >&2
    exit 2
  fi
fi

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

set +e
dotnet test Cockpit.sln --logger "trx" --results-directory "$results" "$@"
status=$?
set -e

# Sum the counters of every TRX file (one per test project).
read -r total executed passed failed notrun < <(
  cat "$results"/*.trx 2>/dev/null | tr '\n' ' ' | grep -o '<Counters [^>]*>' | awk '
    function attr(s, name,   m) { if (match(s, name "=\"[0-9]+\"")) { m = substr(s, RSTART, RLENGTH); gsub(/[^0-9]/, "", m); return m + 0 } return 0 }
    { t += attr($0, "total"); e += attr($0, "executed"); p += attr($0, "passed"); f += attr($0, "failed") + attr($0, "error") + attr($0, "timeout") + attr($0, "aborted"); n += attr($0, "notExecuted") }
    END { print t + 0, e + 0, p + 0, f + 0, n + 0 }'
) || true
total=${total:-0}; passed=${passed:-0}; failed=${failed:-0}; notrun=${notrun:-0}

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or a test host failed before any result was written: count it as a failure.
  failed=1
fi

echo "tests: ${passed} passed, ${failed} failed, ${notrun} skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
