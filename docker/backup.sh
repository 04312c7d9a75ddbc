#!/bin/sh
# Backup of the application's PostgreSQL database: project tables, Flyway history and the Camunda engine's tables
# (process state, history, identity) in one consistent snapshot (pg_dump runs in one repeatable-read transaction,
# so the application may keep running). Custom format (-Fc): compressed, restored with docker/restore.sh.
#
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres PGDATABASE=tdkt [PGPASSWORD=...] docker/backup.sh [file]
#
# The file defaults to ./tdkt-<database>-<UTC time>.dump. Connection settings are libpq's environment variables
# (PGHOST, PGPORT, PGUSER, PGPASSWORD or ~/.pgpass, PGDATABASE). Exits non-zero if pg_dump fails; a partial file
# is removed. pg_dump must be of the server's major version or newer.
set -eu
: "${PGDATABASE:?set PGDATABASE (and PGHOST, PGPORT, PGUSER as needed)}"
file="${1:-./tdkt-${PGDATABASE}-$(date -u +%Y%m%dT%H%M%SZ).dump}"
tmp="${file}.partial"
trap 'rm -f "$tmp"' EXIT
pg_dump --format=custom --no-owner --no-privileges --file="$tmp" "$PGDATABASE"
mv "$tmp" "$file"
trap - EXIT
echo "backup of ${PGDATABASE} written to ${file} ($(wc -c < "$file") bytes)"
