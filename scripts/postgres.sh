# Sourced by scripts/test.sh: make a PostgreSQL server available on 127.0.0.1:5432 and
# export ANNOTATOR_TEST_PG_URL. Uses an existing URL if one is already set.
if [ -z "${ANNOTATOR_TEST_PG_URL:-}" ]; then
  if [ "$(id -u)" = 0 ] && command -v pg_lsclusters >/dev/null 2>&1; then
    ver=$(pg_lsclusters -h | awk 'NR==1{print $1}')
    if [ -n "$ver" ]; then
      pg_ctlcluster "$ver" main start 2>/dev/null || true
      for _ in $(seq 1 30); do
        su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1 && break
        sleep 1
      done
      su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
      export ANNOTATOR_TEST_PG_URL="postgresql+psycopg://postgres:postgres@127.0.0.1:5432/postgres"
    fi
  fi
fi
if [ -z "${ANNOTATOR_TEST_PG_URL:-}" ]; then
  echo "note: no PostgreSQL server (run as root, or set ANNOTATOR_TEST_PG_URL); the" \
       "PostgreSQL tests will be skipped." >&2
fi
