import { describe, expect, it } from "vitest";
import { createHistoryStore, HISTORY_KEY } from "../../client/src/workbench/library/history-store";
import { createSavedQueriesStore } from "../../client/src/workbench/library/saved-queries-store";
import type { KeyValueStorage } from "../../client/src/workbench/library/stored-list";

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      data.set(key, value);
    },
  };
}

function clock(start = 1_000) {
  let now = start;
  return () => {
    now += 1;
    return now;
  };
}

describe("the query history", () => {
  it("lists runs newest first, with their parameters, and survives a new store on the same storage", () => {
    const storage = memoryStorage();
    const history = createHistoryStore(storage, { now: clock() });
    history.add({ query: "RETURN 1", params: {} });
    history.add({ query: "MATCH (n {id: $id}) RETURN n", params: { id: "huawei" } });
    const again = createHistoryStore(storage).list();
    expect(again.map((entry) => entry.query)).toEqual(["MATCH (n {id: $id}) RETURN n", "RETURN 1"]);
    expect(again[0]?.params).toEqual({ id: "huawei" });
  });

  it("keeps the last 100 only", () => {
    const history = createHistoryStore(memoryStorage(), { now: clock() });
    for (let i = 1; i <= 130; i += 1) history.add({ query: `RETURN ${i}`, params: {} });
    const entries = history.list();
    expect(entries).toHaveLength(100);
    expect(entries[0]?.query).toBe("RETURN 130");
    expect(entries[99]?.query).toBe("RETURN 31");
  });

  it("moves a rerun to the top instead of listing it twice (same text and same parameters)", () => {
    const history = createHistoryStore(memoryStorage(), { now: clock() });
    history.add({ query: "RETURN $x", params: { a: 1, b: 2 } });
    history.add({ query: "RETURN 2", params: {} });
    history.add({ query: "  RETURN $x\n", params: { b: 2, a: 1 } });
    history.add({ query: "RETURN $x", params: { a: 9 } });
    expect(history.list().map((entry) => [entry.query.trim(), entry.params])).toEqual([
      ["RETURN $x", { a: 9 }],
      ["RETURN $x", { b: 2, a: 1 }],
      ["RETURN 2", {}],
    ]);
  });

  it("reads broken or foreign storage as an empty history, skipping malformed entries", () => {
    const storage = memoryStorage();
    storage.data.set(HISTORY_KEY, "{not json");
    expect(createHistoryStore(storage).list()).toEqual([]);
    storage.data.set(HISTORY_KEY, JSON.stringify([{ query: "RETURN 1", params: {}, at: 5 }, { query: 42 }]));
    expect(createHistoryStore(storage).list()).toEqual([{ query: "RETURN 1", params: {}, at: 5 }]);
  });

  it("drops the oldest entries when storage is full rather than failing", () => {
    const storage = memoryStorage();
    const tight: KeyValueStorage = {
      getItem: storage.getItem,
      setItem: (key, value) => {
        if (value.length > 300) throw new DOMException("full", "QuotaExceededError");
        storage.setItem(key, value);
      },
    };
    const history = createHistoryStore(tight, { now: clock() });
    for (let i = 1; i <= 10; i += 1) history.add({ query: `RETURN ${i}`, params: {} });
    const kept = history.list();
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(10);
    expect(kept[0]?.query).toBe("RETURN 10");
  });

  it("clears", () => {
    const history = createHistoryStore(memoryStorage());
    history.add({ query: "RETURN 1", params: {} });
    history.clear();
    expect(history.list()).toEqual([]);
  });
});

describe("saved queries", () => {
  it("saves by name, sorted by name, and replaces a query saved under the same name", () => {
    let id = 0;
    const store = createSavedQueriesStore(memoryStorage(), { now: clock(), newId: () => `q${++id}` });
    store.save("Suppliers", { query: "MATCH (a)-[:SOURCES_FROM]->(b) RETURN a, b", params: {} });
    store.save("chips", { query: "MATCH (c:Chip) RETURN c", params: {} });
    const saved = store.save(" suppliers ", { query: "MATCH (a)-[r:SOURCES_FROM]->(b) RETURN r", params: { x: 1 } });
    expect(saved.map((item) => [item.name, item.query])).toEqual([
      ["chips", "MATCH (c:Chip) RETURN c"],
      ["suppliers", "MATCH (a)-[r:SOURCES_FROM]->(b) RETURN r"],
    ]);
  });

  it("deletes by id and refuses a blank name", () => {
    let id = 0;
    const storage = memoryStorage();
    const store = createSavedQueriesStore(storage, { newId: () => `q${++id}` });
    store.save("One", { query: "RETURN 1", params: {} });
    store.save("Two", { query: "RETURN 2", params: {} });
    expect(store.remove("q1").map((item) => item.name)).toEqual(["Two"]);
    expect(
      createSavedQueriesStore(storage)
        .list()
        .map((item) => item.name),
    ).toEqual(["Two"]);
    expect(() => store.save("  ", { query: "RETURN 3", params: {} })).toThrow(/name/);
  });
});
