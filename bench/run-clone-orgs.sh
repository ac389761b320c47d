#!/usr/bin/env bash
# Many orgs' history on PostgreSQL: copies the bench org (one org's sales loaded through the import path by
# `AnalyticsBench bulk`) COUNT times with bench/clone-orgs.sql, then checks that one copy's analytics answers are
# the original's (the same views, the same figures; ids mapped back).
#
#   PGDB=bench100x COUNT=99 bench/run-clone-orgs.sh
#
# PGHOST/PGPORT/PGUSER as for psql (default 127.0.0.1:15432, postgres). SERVER_JAR for the check (default
# server/target/brigade-server.jar). SRC: the org to copy (default the bench org with the most sales).
set -euo pipefail
cd "$(dirname "$0")/.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-15432} PGUSER=${PGUSER:-postgres}
DB=${PGDB:?PGDB names the database}
COUNT=${COUNT:-99}
JAR=${SERVER_JAR:-server/target/brigade-server.jar}
q() { psql -d "$DB" -v ON_ERROR_STOP=1 -Atq -c "$1"; }
psql -d "$DB" -v ON_ERROR_STOP=1 -q -f bench/clone-orgs.sql
SRC=${SRC:-$(q "SELECT org_id FROM sales WHERE org_id IN (SELECT org_id FROM orgs WHERE name = 'Bench Bistro')
               GROUP BY org_id ORDER BY COUNT(*) DESC LIMIT 1")}
echo "source org $SRC: $(q "SELECT COUNT(*) FROM sales WHERE org_id = '$SRC'") sales"
made=$(q "SELECT COUNT(*) FROM orgs WHERE name LIKE 'Bench Bistro %'")
k=0
t0=$(date +%s)
while (( made < COUNT )); do
    k=$((k + 1))
    (( k < 1024 )) || { echo "error: ran out of copy numbers" >&2; exit 1; }
    [[ -n $(q "SELECT 1 FROM orgs WHERE org_id = bench_clone_id('$SRC', $k)") ]] && continue
    s=$(date +%s.%N)
    # Foreign-key triggers off while copying (session_replication_role): every copied row is a copy of one that
    # satisfied them, and checking each again took most of a copy's time. Primary keys and indexes stay on.
    if org=$(PGOPTIONS="-c session_replication_role=replica" q "SELECT bench_clone_org('$SRC', $k)" \
            2>/tmp/clone-err.$$); then
        made=$((made + 1))
        printf 'copy %d: org %s in %.1f s (%d of %d)\n' "$k" "$org" "$(echo "$(date +%s.%N) - $s" | bc)" "$made" "$COUNT"
    else
        echo "copy $k skipped: $(head -1 /tmp/clone-err.$$)"
    fi
done
rm -f /tmp/clone-err.$$
echo "copies made in $(( $(date +%s) - t0 )) s; analysing"
psql -d "$DB" -q -c "VACUUM ANALYZE"
echo "orgs: $(q "SELECT COUNT(DISTINCT org_id) FROM sales"), sales: $(q "SELECT COUNT(*) FROM sales")"

# The check: the same views of the source and of its last copy, answers compared with the copy's ids mapped back.
COPY=$(q "SELECT org_id FROM orgs WHERE name LIKE 'Bench Bistro %' ORDER BY created_at DESC, org_id DESC LIMIT 1")
K=$(q "SELECT substring(name from 'Bench Bistro (\\d+)') FROM orgs WHERE org_id = '$COPY'")
TMP=$(mktemp -d)
URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB?user=$PGUSER"
for who in "$SRC" "$COPY"; do
    ORG=$who DUMP=$TMP/$who ONLY=summary,daily,meals,options,funnel,profitability,ingredients,reconciliation \
        java -Xmx1g -cp "$JAR" bench/AnalyticsBench.java views "$URL" 1 > "$TMP/$who.log" 2>&1
done
SED=$TMP/map.sed
q "SELECT 's/' || bench_clone_id(id, $K) || '/' || id || '/g' FROM (
       SELECT org_id AS id FROM orgs WHERE org_id = '$SRC'
       UNION SELECT property_id FROM properties WHERE org_id = '$SRC'
       UNION SELECT sales_channel_id FROM sales_channels WHERE org_id = '$SRC'
       UNION SELECT brand_id FROM brands WHERE org_id = '$SRC'
       UNION SELECT menu_id FROM menus WHERE org_id = '$SRC') ids" > "$SED"
for f in "$TMP/$COPY"/*.json; do sed -i -f "$SED" "$f"; done
if diff -r "$TMP/$SRC" "$TMP/$COPY" > "$TMP/diff"; then
    echo "check: the answers of copy $COPY equal those of $SRC ($(ls "$TMP/$SRC" | wc -l) views)"
    rm -rf "$TMP"
else
    echo "check FAILED: copy $COPY answers differently from $SRC (see $TMP/diff)"; head -20 "$TMP/diff"; exit 1
fi
