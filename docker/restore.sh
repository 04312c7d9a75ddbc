#!/bin/sh
# Restore of a backup made by docker/backup.sh into the database PGDATABASE, replacing what it holds: every object
# in the dump is dropped if it exists (--clean --if-exists) and created again, in one transaction (--single-transaction:
# the database is left as it was if anything fails). Stop every application node first, and start them again
# afterwards: Flyway finds its history in the restored schema and the engine resumes its processes and jobs.
#
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres PGDATABASE=tdkt [PGPASSWORD=...] docker/restore.sh file
#
# The database must exist (createdb "$PGDATABASE" after a loss; an empty one is fine). The pg_trgm extension in the
# dump is created again; the restoring role needs the right to (the database owner has it since PostgreSQL 13).
set -eu
: "${PGDATABASE:?set PGDATABASE (and PGHOST, PGPORT, PGUSER as needed)}"
file="${1:?usage: restore.sh <backup file>}"
[ -r "$file" ] || { echo "cannot read $file" >&2; exit 1; }
pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error \
  --dbname="$PGDATABASE" "$file"
echo "restored ${file} into ${PGDATABASE}"
