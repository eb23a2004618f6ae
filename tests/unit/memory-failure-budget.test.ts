import { EventEmitter } from "node:events";
import type { NextFunction, Request, Response } from "express";
import { describe, expect, it } from "vitest";
import { AppError } from "../../server/src/errors/app-error";
import { memoryFailureBudget } from "../../server/src/routes/memory-failure-budget";

/** A request from `ip` answered with `status`; what the budget passed to next() comes back. */
function call(handler: ReturnType<typeof memoryFailureBudget>, ip: string, status: number) {
  const res = Object.assign(new EventEmitter(), {
    statusCode: status,
    headers: {} as Record<string, string>,
    setHeader(name: string, value: string) {
      this.headers[name.toLowerCase()] = value;
    },
  });
  let passed: unknown = "not called";
  handler(
    { ip } as Request,
    res as unknown as Response,
    ((error?: unknown) => {
      passed = error;
    }) as NextFunction,
  );
  if (passed === undefined) res.emit("finish");
  return { passed, headers: res.headers };
}

describe("memoryFailureBudget", () => {
  it("after `max` answers 422 from one address within the window, refuses it 429 with Retry-After until they age out", () => {
    let now = 1_000_000;
    const budget = memoryFailureBudget({ max: 2, windowMs: 60_000 }, () => now);
    expect(call(budget, "a", 422).passed).toBeUndefined();
    now += 10_000;
    expect(call(budget, "a", 422).passed).toBeUndefined();
    const refused = call(budget, "a", 200);
    expect(refused.passed).toBeInstanceOf(AppError);
    expect(refused.passed).toMatchObject({ code: "RATE_LIMITED", status: 429, retriable: true });
    expect(refused.headers["retry-after"]).toBe("50");
    // Another address is not affected, and answers other than 422 never count.
    expect(call(budget, "b", 200).passed).toBeUndefined();
    expect(call(budget, "b", 400).passed).toBeUndefined();
    expect(call(budget, "b", 504).passed).toBeUndefined();
    expect(call(budget, "b", 200).passed).toBeUndefined();
    // Once the first failure has left the window, the address may try again.
    now += 50_001;
    expect(call(budget, "a", 200).passed).toBeUndefined();
  });
});
