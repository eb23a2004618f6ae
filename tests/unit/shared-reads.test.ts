import { describe, expect, it } from "vitest";
import { SharedReads } from "../../server/src/neo4j/shared-reads";

/** A read the test finishes by hand, recording the signal it was given. */
function controlledRead() {
  const started: AbortSignal[] = [];
  let finish: (value: string) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const work = (signal: AbortSignal) => {
    started.push(signal);
    return new Promise<string>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  };
  return { started, work, finish: (value: string) => finish(value), fail: (error: Error) => fail(error) };
}

describe("SharedReads", () => {
  it("runs one read for callers asking the same thing at once, and keeps nothing afterwards", async () => {
    const reads = new SharedReads<string>();
    const read = controlledRead();
    const first = reads.read("overview", undefined, read.work);
    const second = reads.read("overview", new AbortController().signal, read.work);
    expect(read.started).toHaveLength(1);
    read.finish("graph");
    await expect(first).resolves.toBe("graph");
    await expect(second).resolves.toBe("graph");

    const later = reads.read("overview", undefined, read.work);
    expect(read.started).toHaveLength(2);
    read.finish("newer graph");
    await expect(later).resolves.toBe("newer graph");
  });

  it("runs a read per key", async () => {
    const reads = new SharedReads<string>();
    const small = controlledRead();
    const large = controlledRead();
    const a = reads.read("limit 10", undefined, small.work);
    const b = reads.read("limit 500", undefined, large.work);
    small.finish("ten");
    large.finish("five hundred");
    expect(await Promise.all([a, b])).toEqual(["ten", "five hundred"]);
    expect(small.started).toHaveLength(1);
    expect(large.started).toHaveLength(1);
  });

  it("lets one caller leave without cancelling the read the others wait for", async () => {
    const reads = new SharedReads<string>();
    const read = controlledRead();
    const leaving = new AbortController();
    const gone = reads.read("overview", leaving.signal, read.work);
    const staying = reads.read("overview", new AbortController().signal, read.work);
    leaving.abort(new Error("client closed the connection"));
    await expect(gone).rejects.toThrow("client closed the connection");
    expect(read.started[0]?.aborted).toBe(false);
    read.finish("graph");
    await expect(staying).resolves.toBe("graph");
  });

  it("cancels the read once every caller has left, and starts afresh for the next", async () => {
    const reads = new SharedReads<string>();
    const read = controlledRead();
    const callers = [new AbortController(), new AbortController()];
    const answers = callers.map((caller) => reads.read("overview", caller.signal, read.work).catch((e: Error) => e));
    for (const caller of callers) caller.abort(new Error("gone"));
    expect(await Promise.all(answers)).toEqual([new Error("gone"), new Error("gone")]);
    expect(read.started[0]?.aborted).toBe(true);

    const next = reads.read("overview", undefined, read.work);
    expect(read.started).toHaveLength(2);
    expect(read.started[1]?.aborted).toBe(false);
    read.finish("graph");
    await expect(next).resolves.toBe("graph");
  });

  it("gives every caller the failure, then tries again on the next call", async () => {
    const reads = new SharedReads<string>();
    const read = controlledRead();
    const both = [reads.read("overview", undefined, read.work), reads.read("overview", undefined, read.work)];
    read.fail(new Error("Neo4j is down"));
    for (const answer of both) await expect(answer).rejects.toThrow("Neo4j is down");
    reads.read("overview", undefined, read.work).catch(() => undefined);
    expect(read.started).toHaveLength(2);
  });

  it("refuses a caller whose signal has already fired, without starting a read", async () => {
    const reads = new SharedReads<string>();
    const read = controlledRead();
    const gone = new AbortController();
    gone.abort(new Error("already gone"));
    await expect(reads.read("overview", gone.signal, read.work)).rejects.toThrow("already gone");
    expect(read.started).toHaveLength(0);
  });
});
