#!/usr/bin/env python3
"""Scripting the Graph Explorer API from Python, with the standard library only.

Finds a company by name, lists where its supplies come from (SOURCES_FROM relationships, with
their certainty), and how it is linked to a second company (the shortest paths).

    GRAPH_EXPLORER_URL=http://localhost:3000 GRAPH_EXPLORER_TOKEN=... python3 suppliers.py ByteDance Nvidia

GRAPH_EXPLORER_TOKEN is an API key (accounts mode) or APP_TOKEN (token mode); leave it out on
an open server. The API's reference: /api/docs on the server.
"""

import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

BASE_URL = os.environ.get("GRAPH_EXPLORER_URL", "http://localhost:3000").rstrip("/")
TOKEN = os.environ.get("GRAPH_EXPLORER_TOKEN")


class ApiError(Exception):
    """An answer in the API's error shape: { error: { code, message, retriable } }."""

    def __init__(self, status, code, message):
        super().__init__(f"{status} {code}: {message}")
        self.code = code


def get(path, **query):
    """GETs an API path (query values are URL-encoded) and returns the decoded JSON answer."""
    url = f"{BASE_URL}{path}"
    if query:
        url += "?" + urllib.parse.urlencode(query)
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    if TOKEN:
        request.add_header("Authorization", f"Bearer {TOKEN}")
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return json.load(answer)
    except urllib.error.HTTPError as failure:
        error = json.load(failure).get("error", {})
        raise ApiError(failure.code, error.get("code"), error.get("message")) from None


def find(name):
    """The best full-text match for a name or alias."""
    hits = get("/api/search", q=name, limit=1)["hits"]
    if not hits:
        raise SystemExit(f"Nothing in the graph is called {name!r}.")
    return hits[0]["node"]["data"]


def main():
    first, second = (sys.argv[1:3] + ["ByteDance", "Nvidia"][len(sys.argv[1:3]) :])[:2]
    try:
        company, other = find(first), find(second)
        quoted = urllib.parse.quote(company["id"], safe="")
        supplies = get(f"/api/nodes/{quoted}/neighbors", types="SOURCES_FROM", direction="out", limit=50)
        names = {node["data"]["id"]: node["data"]["caption"] for node in supplies["nodes"]}
        print(f"{company['caption']} sources from:")
        for edge in sorted(supplies["edges"], key=lambda edge: names[edge["data"]["target"]]):
            data = edge["data"]
            print(f"  {names[data['target']]} ({data.get('certainty', 'unrated')})")
        paths = get("/api/paths", **{"from": company["id"], "to": other["id"]})
        captions = {node["data"]["id"]: node["data"]["caption"] for node in paths["graph"]["nodes"]}
        print(f"Shortest paths from {company['caption']} to {other['caption']}: {len(paths['paths'])}")
        for path in paths["paths"]:
            print("  " + " - ".join(captions[node] for node in path["nodes"]))
    except ApiError as failure:
        print(f"The API refused: {failure}", file=sys.stderr)
        return 1
    except urllib.error.URLError as failure:
        print(f"No answer from {BASE_URL}: {failure.reason}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
