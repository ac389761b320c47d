#!/usr/bin/env bash
# Installed-app token cost (issue 9): the same GET of one sale's detail, once with the installing org's own
# bearer token and once with an installed app's token (Single-store install: every request also reads the
# install and the sale's store), both with bench/SalesLoad.java --bare at CLIENTS clients. Prints both rows
# and the ratio app/own (own measured before and after the app run; the ratio uses the second). Uses bench/lib.sh for the set-up; no bare Jetty run. See bench/README.md.
#
# Environment: as run-v1-meals.sh (SERVER_JAR, DB_URL, DB_USER, DB_PASSWORD, WARMUP, SECONDS, CLIENTS,
# CLIENT, PORT, SERVER_JAVA_OPTS, LOAD_JAVA_OPTS, KEEP_TMP).
CALLER_SECONDS=$SECONDS
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

boot() { # boot NAME: another demo org in the same database, its JSON on stdout
    # shellcheck disable=SC2086
    java $SERVER_JAVA_OPTS -jar "$JAR" bootstrap --name "$1" "${DB_ARGS[@]}" --json 2>>"$TMP/bootstrap.log" \
        | grep '^{' | tail -n 1
}
DEV=$(boot "Integrator Sandbox")
OPS=$(boot "Operator")
# shellcheck disable=SC2086
java $SERVER_JAVA_OPTS -jar "$JAR" apps reviewer --org "$(jq -r .orgId <<<"$OPS")" "${DB_ARGS[@]}" \
    >>"$TMP/bootstrap.log" 2>&1 || { echo "error: apps reviewer failed" >&2; exit 1; }
start_server

token() { # token CLIENT_ID SECRET
    curl -sf -d grant_type=client_credentials --data-urlencode "client_id=$1" --data-urlencode "client_secret=$2" \
        "localhost:$PORT/identity/connect/token" | jq -r .access_token
}
call() { # call TOKEN METHOD PATH [JSON]: the answer's body, failing on a non-2xx
    curl -sf -X "$2" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
        ${4:+-d "$4"} "localhost:$PORT$3"
}
OWN=$(token "$(jq -r .clientId <<<"$BOOT")" "$(jq -r .clientSecret <<<"$BOOT")")
DEVT=$(token "$(jq -r .clientId <<<"$DEV")" "$(jq -r .clientSecret <<<"$DEV")")
OPST=$(token "$(jq -r .clientId <<<"$OPS")" "$(jq -r .clientSecret <<<"$OPS")")
ORG=$(jq -r .orgId <<<"$BOOT"); DEV_ORG=$(jq -r .orgId <<<"$DEV"); OPS_ORG=$(jq -r .orgId <<<"$OPS")

echo "== listing an app, approving it and installing it on $ORG"
APP=$(call "$DEVT" POST "/backoffice/v1/orgs/$DEV_ORG/oauth-apps" '{"name":"Bench app"}') || exit 1
LISTING=$(jq -n --arg c "$(jq -r .data.clientId <<<"$APP")" '{clientId: $c, name: "Bench", description: "d",
    developedBy: "b", categories: ["Analytics"], supportedCountries: ["IE"],
    permissionLevel: {name: "read", scopes: ["sales:read"]}, storeSelectorType: "Single",
    configurationType: "ExternalLink", externalLinkUrl: "https://example.com/onboard"}')
ASA=$(call "$DEVT" POST "/backoffice/v1/orgs/$DEV_ORG/app-store-apps" "$LISTING" | jq -r .data.appStoreAppId)
call "$DEVT" POST "/backoffice/v1/orgs/$DEV_ORG/app-store-apps/$ASA/submit" '{}' >/dev/null || exit 1
call "$OPST" POST "/backoffice/v1/orgs/$OPS_ORG/app-reviews/$ASA/approve" '{}' >/dev/null || exit 1
call "$OWN" POST "/backoffice/v1/orgs/$ORG/installed-apps" \
    "$(jq -n --arg a "$ASA" --arg p "$(jq -r .propertyId <<<"$BOOT")" '{appStoreAppId: $a, propertyIds: [$p]}')" \
    >/dev/null || exit 1
APPT=$(token "$(jq -r .data.clientId <<<"$APP")" "$(jq -r .data.clientSecret <<<"$APP")")

NOW=$(date -u +%Y-%m-%dT%H:%M:%SZ)
SALE=$(jq -n --argjson b "$BOOT" --arg t "$NOW" '{salesChannelId: $b.salesChannelId, source: "POS",
    requestedFulfillmentTime: $t, desiredAsap: true, dispatchType: "TakeAway", menuId: $b.menuId,
    menuRevisionId: $b.menuRevisionId, items: [{menuItemId: $b.menuItemIds[8], quantity: 1, unitPrice: 3.00,
    modifierItems: []}], charges: [], discounts: [], payments: [{type: "Sale", paymentMethod: "Cash",
    amount: 3.00, paidAt: $t}]}')
SALE_ID=$(curl -sf -H "Authorization: Bearer $OWN" -H 'Content-Type: application/json' \
    -H "x-idempotency-key: $(cat /proc/sys/kernel/random/uuid)" -d "$SALE" \
    "localhost:$PORT/salesManagement/orgs/$ORG/sales" | jq -r .saleId)
URL="http://localhost:$PORT/salesManagement/orgs/$ORG/salesChannels/$(jq -r .salesChannelId <<<"$BOOT")/sales/$SALE_ID"
for t in "$OWN" "$APPT"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $t" "$URL")
    [[ $code == 200 ]] || { echo "error: GET sale detail answered $code" >&2; exit 1; }
done

load "own-$CLIENTS" --bare "$URL" --header "Authorization: Bearer $OWN" --clients "$CLIENTS" --server-pid "$SERVER_PID"
load "app-$CLIENTS" --bare "$URL" --header "Authorization: Bearer $APPT" --clients "$CLIENTS" --server-pid "$SERVER_PID"
# Once more with the own token: the first run also warms the JIT up, so the ratio uses this one.
load "own2-$CLIENTS" --bare "$URL" --header "Authorization: Bearer $OWN" --clients "$CLIENTS" --server-pid "$SERVER_PID"
summary "own-$CLIENTS=GET sale detail, org's own token (first)" "app-$CLIENTS=GET sale detail, installed app's token" \
    "own2-$CLIENTS=GET sale detail, org's own token (again)"
o=$(jq .perSecond <<<"${RESULT[own2-$CLIENTS]}"); a=$(jq .perSecond <<<"${RESULT[app-$CLIENTS]}")
echo
echo "ratio: app token req/s ($a) / own token req/s ($o) = $(jq -n --argjson a "$a" --argjson o "$o" \
    'if $o > 0 then ($a / $o * 1000 | round) / 1000 else null end')"
