#!/usr/bin/env bash
# No test may depend on today's date: runs the unit and integration tests (vitest) again with the PC's
# clock moved by libfaketime, a year ahead and on the last evening of a school year (31 August, 23:40 in
# Rome). Needs faketime (Debian: apt-get install -y faketime).
set -euo pipefail
if ! command -v faketime >/dev/null 2>&1; then
  echo "faketime manca: apt-get install -y faketime" >&2
  exit 1
fi
next_year=$(date -u -d '+1 year' '+%Y-%m-%d %H:%M:%S')
school_year_end="$(( $(date -u +%Y) + 1 ))-08-31 21:40:00" # 23:40 in Rome (CEST)
for moment in "$next_year" "$school_year_end"; do
  echo "== vitest with the clock at $moment UTC"
  TZ=UTC faketime "$moment" npx vitest run "$@"
done
