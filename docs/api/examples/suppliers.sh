#!/bin/sh
# Scripting the Graph Explorer API from the shell, with curl and jq.
#
# Finds a company by name, lists where its supplies come from (SOURCES_FROM relationships, with
# their certainty), and saves its neighbourhood as a CSV file of relationships.
#
#   GRAPH_EXPLORER_URL=http://localhost:3000 GRAPH_EXPLORER_TOKEN=... sh suppliers.sh ByteDance
#
# GRAPH_EXPLORER_TOKEN is an API key (accounts mode) or APP_TOKEN (token mode); leave it out on
# an open server. The API's reference: /api/docs on the server.
set -eu

BASE_URL="${GRAPH_EXPLORER_URL:-http://localhost:3000}"
NAME="${1:-ByteDance}"
OUT="${2:-neighbourhood.edges.csv}"

# GET an API path; on a failure, print the error shape's code and message and stop.
api() {
  body=$(mktemp)
  status=$(curl --silent --show-error --output "$body" --write-out '%{http_code}' \
    ${GRAPH_EXPLORER_TOKEN:+--header "Authorization: Bearer $GRAPH_EXPLORER_TOKEN"} "$BASE_URL$1") || {
    echo "No answer from $BASE_URL" >&2
    rm -f "$body"
    exit 2
  }
  if [ "$status" -ge 400 ]; then
    jq -r --arg status "$status" '"The API refused: \($status) \(.error.code): \(.error.message)"' "$body" >&2
    rm -f "$body"
    exit 1
  fi
  cat "$body"
  rm -f "$body"
}

# Each answer goes into a variable first: a failed call stops the script (set -e), a pipe would not.
# jq's @uri encodes a value for a URL.
query=$(jq -rn --arg q "$NAME" '$q | @uri')
hits=$(api "/api/search?q=$query&limit=1")
id=$(printf '%s' "$hits" | jq -r '.hits[0].node.data.id // empty')
[ -n "$id" ] || { echo "Nothing in the graph is called $NAME." >&2; exit 1; }
node=$(jq -rn --arg id "$id" '$id | @uri')

supplies=$(api "/api/nodes/$node/neighbors?types=SOURCES_FROM&direction=out&limit=50")
printf '%s' "$supplies" | jq -r --arg id "$id" '
  (.nodes | map({ key: .data.id, value: .data.caption }) | from_entries) as $names
  | "\($names[$id]) sources from:",
    (.edges | map(.data) | sort_by($names[.target])[] | "  \($names[.target]) (\(.certainty // "unrated"))")'

csv=$(api "/api/export?format=csv-edges&node=$node")
printf '%s\n' "$csv" > "$OUT"
echo "Saved $(($(wc -l < "$OUT") - 1)) relationships around $id to $OUT."
