import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

/** The WCAG 2.2 AA rules: what every view is held to. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe-core's WCAG 2.2 AA violations inside `selector`, as "rule: element (help)" lines; none is []. axe is
 * evaluated through the DevTools protocol: the page's CSP (script-src 'self') refuses script tags.
 */
export async function axeViolations(target: Page, selector: string): Promise<string[]> {
  await target.evaluate(axeSource);
  // axe throws when the page changes under it mid-run (a lint mark, a timer's text): run it again once.
  return runAxe(target, selector).catch(() => runAxe(target, selector));
}

function runAxe(target: Page, selector: string): Promise<string[]> {
  return target.evaluate(
    async ([scope, tags]) => {
      const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } }).axe;
      const result = (await axe.run(document.querySelector(scope as string), {
        runOnly: { type: "tag", values: tags },
      })) as { passes: unknown[]; violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
      // No rule passed: axe looked at nothing, which is no check at all.
      if (result.passes.length === 0) return ["axe: no rule applied"];
      return result.violations.flatMap((violation) =>
        violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")} (${violation.help})`),
      );
    },
    [selector, AXE_TAGS] as const,
  );
}
