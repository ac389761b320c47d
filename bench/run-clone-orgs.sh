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
[[ -n $SRC && -n $(q "SELECT 1 FROM orgs WHERE org_id = '$SRC'") ]] \
    || { echo "error: no bench org '$SRC' in $DB: load one with AnalyticsBench bulk first (or name it in SRC)" >&2; exit 1; }
echo "source org $SRC: $(q "SELECT COUNT(*) FROM sales WHERE org_id = '$SRC'") sales"
TABLES="'orgs','brands','properties','sales_channels','menus','menu_revisions','menu_publications','channel_menus',
'sales','sale_items','sale_charges','sale_discounts','sale_payments','sale_line_totals','analytics_order_keys',
'analytics_events','analytics_events_day','analytics_items_day','analytics_sales_day','analytics_sales_hour',
'org_cache_versions'"
# Copying into indexed tables spends most of its time on index entries (70 s a copy with other builds running).
# So the copied tables' keys, indexes and foreign keys (also those of other tables that point at them) are
# dropped for the copy and made again after it, from the definitions saved here: the schema ends as it began.
q "CREATE TABLE IF NOT EXISTS bench_clone_ddl (seq serial, ddl text NOT NULL)"
[[ -n $(q "SELECT 1 FROM pg_tables WHERE tablename = 'bench_src_sales'") ]] || q "SELECT bench_clone_stage('$SRC')"
if [[ $(q "SELECT COUNT(*) FROM bench_clone_ddl") == 0 ]]; then
    q "INSERT INTO bench_clone_ddl (ddl)
       SELECT format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
       FROM pg_constraint WHERE contype IN ('p', 'u') AND conrelid::regclass::text IN ($TABLES) ORDER BY conname;
       INSERT INTO bench_clone_ddl (ddl)
       SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i
       WHERE i.indrelid::regclass::text IN ($TABLES)
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u'))
       ORDER BY i.indexrelid::regclass::text;
       INSERT INTO bench_clone_ddl (ddl)
       SELECT format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
       FROM pg_constraint WHERE contype = 'f'
         AND (conrelid::regclass::text IN ($TABLES) OR confrelid::regclass::text IN ($TABLES)) ORDER BY conname"
    echo "saved $(q "SELECT COUNT(*) FROM bench_clone_ddl") key, index and foreign key definitions"
fi
if [[ -n $(q "SELECT 1 FROM pg_index WHERE indrelid = 'sales'::regclass LIMIT 1") ]]; then
    echo "dropping them for the copy"
    q "SELECT format('ALTER TABLE %s DROP CONSTRAINT %I;', conrelid::regclass, conname) FROM pg_constraint
       WHERE contype = 'f' AND (conrelid::regclass::text IN ($TABLES) OR confrelid::regclass::text IN ($TABLES))
       UNION ALL
       SELECT format('ALTER TABLE %s DROP CONSTRAINT %I;', conrelid::regclass, conname) FROM pg_constraint
       WHERE contype IN ('p', 'u') AND conrelid::regclass::text IN ($TABLES)" > /tmp/clone-drop.$$.sql
    q "SELECT format('DROP INDEX %s;', i.indexrelid::regclass) FROM pg_index i
       WHERE i.indrelid::regclass::text IN ($TABLES)
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u'))" \
        >> /tmp/clone-drop.$$.sql
    psql -d "$DB" -v ON_ERROR_STOP=1 -q -1 -f /tmp/clone-drop.$$.sql
    rm -f /tmp/clone-drop.$$.sql
fi
SALE_PREFIX=$(q "SELECT left(MIN(sale_id), 2) FROM bench_src_sales")
made=$(q "SELECT COUNT(*) FROM orgs WHERE name LIKE 'Bench Bistro %'")
k=0
t0=$(date +%s)
while (( made < COUNT )); do
    k=$((k + 1))
    (( k < 1024 )) || { echo "error: ran out of copy numbers" >&2; exit 1; }
    # Without primary keys a copy that meets an existing id is not refused: look for one first.
    [[ -n $(q "SELECT 1 FROM orgs WHERE org_id = bench_clone_id('$SRC', $k)
               UNION ALL SELECT 1 FROM (SELECT property_id AS id FROM properties WHERE org_id = '$SRC'
                   UNION ALL SELECT sales_channel_id FROM sales_channels WHERE org_id = '$SRC'
                   UNION ALL SELECT brand_id FROM brands WHERE org_id = '$SRC'
                   UNION ALL SELECT menu_id FROM menus WHERE org_id = '$SRC'
                   UNION ALL SELECT menu_publish_id FROM menu_publications WHERE org_id = '$SRC') s
               WHERE bench_clone_id(s.id, $k) IN (SELECT property_id FROM properties
                   UNION ALL SELECT sales_channel_id FROM sales_channels UNION ALL SELECT brand_id FROM brands
                   UNION ALL SELECT menu_id FROM menus UNION ALL SELECT menu_publish_id FROM menu_publications)
               UNION ALL SELECT 1 WHERE bench_clone_code($k) = '$SALE_PREFIX'
               LIMIT 1") ]] && continue
    s=$(date +%s.%N)
    if org=$(q "SELECT bench_clone_org('$SRC', $k)" 2>/tmp/clone-err.$$); then
        made=$((made + 1))
        printf 'copy %d: org %s in %.1f s (%d of %d)\n' "$k" "$org" "$(echo "$(date +%s.%N) - $s" | bc)" "$made" "$COUNT"
    else
        echo "copy $k skipped: $(head -1 /tmp/clone-err.$$)"
    fi
done
rm -f /tmp/clone-err.$$
echo "copies made in $(( $(date +%s) - t0 )) s; making the keys, indexes and foreign keys again"
t1=$(date +%s)
q "SELECT ddl || ';' FROM bench_clone_ddl ORDER BY seq" > /tmp/clone-ddl.$$.sql
PGOPTIONS="-c maintenance_work_mem=512MB" psql -d "$DB" -v ON_ERROR_STOP=1 -q -f /tmp/clone-ddl.$$.sql
rm -f /tmp/clone-ddl.$$.sql
q "DROP TABLE bench_clone_ddl"
for t in $(q "SELECT tablename FROM pg_tables WHERE tablename LIKE 'bench\_src\_%'"); do q "DROP TABLE $t"; done
echo "made again in $(( $(date +%s) - t1 )) s; analysing"
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
