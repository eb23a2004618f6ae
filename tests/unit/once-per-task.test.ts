import { describe, expect, it } from "vitest";
import { oncePerTask } from "../../client/src/dom/once-per-task";

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("oncePerTask", () => {
  it("runs once after the calls of one task, not during them", async () => {
    let runs = 0;
    const refresh = oncePerTask(() => {
      runs += 1;
    });
    refresh();
    refresh();
    refresh();
    expect(runs).toBe(0);
    await Promise.resolve();
    expect(runs).toBe(1);
    await nextTask();
    expect(runs).toBe(1);
  });

  it("runs again for a call in a later task, and for a call made while it runs", async () => {
    let runs = 0;
    let again = true;
    const refresh: () => void = oncePerTask(() => {
      runs += 1;
      if (again) {
        again = false;
        refresh();
      }
    });
    refresh();
    await nextTask();
    expect(runs).toBe(2);
    refresh();
    await nextTask();
    expect(runs).toBe(3);
  });
});
