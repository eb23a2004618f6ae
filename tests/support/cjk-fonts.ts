/**
 * The CJK-font switch of the browser specs: the e2e-no-cjk project (vitest.config.ts) runs them with
 * Chromium seeing no CJK font (tests/support/fonts/hide-cjk.conf), as on machines without
 * fonts-noto-cjk. Chromium inherits FONTCONFIG_FILE from the test process.
 */
import { join } from "node:path";
import { projectRoot } from "../../scripts/project-root";

export const HIDE_CJK_FONTCONFIG = join(projectRoot, "tests", "support", "fonts", "hide-cjk.conf");

/** True in the project that hides the CJK fonts from Chromium. */
export function cjkFontsHidden(): boolean {
  return process.env.FONTCONFIG_FILE === HIDE_CJK_FONTCONFIG;
}
