import { defineConfig } from "vitest/config";
import { HIDE_CJK_FONTCONFIG } from "./tests/support/cjk-fonts";

/** Browser specs whose clicks and reads depend on where text puts things: run again without a CJK font. */
const TEXT_LAYOUT_SPECS = [
  "tests/e2e/cjk-font-guard.test.ts",
  "tests/e2e/contested-edge-panel.test.ts",
  "tests/e2e/explore-seed-graph.test.ts",
  "tests/e2e/explore-controls.test.ts",
  "tests/e2e/explore-edge-cases.test.ts",
  "tests/e2e/undo-hide-filter.test.ts",
  "tests/e2e/shared-and-saved-views.test.ts",
  "tests/e2e/time-slider.test.ts",
];

/**
 * `expect.poll` gives up after 1 s by default: a save or a redraw that takes longer on a loaded CI
 * machine then fails a spec that is right. Polls return as soon as they pass, so a longer limit
 * costs nothing when all is well; speed is the bench's business, never a test's.
 */
const PATIENT_POLL = { poll: { timeout: 10_000 } };

// Five projects, one run (`npm test`): see tests/README.md for what runs where.
export default defineConfig({
  test: {
    globalSetup: ["tests/setup/global-setup.ts"],
    projects: [
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
          expect: PATIENT_POLL,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One browser at a time on a 2-core machine. A spec's own time doubles at load 10 (the
          // expansion-links spec: 18 s quiet, 38 s there): 120 s per test leaves room for that.
          fileParallelism: false,
          expect: PATIENT_POLL,
        },
      },
      {
        test: {
          // Analysts' machines differ in fonts: the same specs with Chromium seeing no CJK font
          // (tests/support/fonts/hide-cjk.conf). After the other projects: the contested specs'
          // private Neo4j (7696) and the browser are used by one project at a time.
          name: "e2e-no-cjk",
          include: TEXT_LAYOUT_SPECS,
          environment: "node",
          env: { FONTCONFIG_FILE: HIDE_CJK_FONTCONFIG },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          expect: PATIENT_POLL,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: "faults",
          include: ["tests/faults/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 240_000,
          // Each file runs its own private Neo4j (stopped, restarted, overloaded): one at a time.
          fileParallelism: false,
          expect: PATIENT_POLL,
        },
      },
    ],
  },
});
