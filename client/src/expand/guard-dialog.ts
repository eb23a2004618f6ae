import { el } from "../dom/el";
import type { ExpansionPlan, GuardChoice } from "./supernode-guard";

export interface GuardQuestion {
  caption: string;
  plan: Extract<ExpansionPlan, { kind: "ask" }>;
  /** What the expansion follows, e.g. "DEVELOPS →"; absent for a plain expansion. */
  through?: string;
}

/**
 * Asks before a supernode floods the canvas: "Huawei has 1,240 neighbours. Add the top 50 by
 * degree / Add all / Cancel". A modal <dialog>: Escape cancels, focus starts on the safe choice.
 */
export function askSupernode(question: GuardQuestion, host: HTMLElement = document.body): Promise<GuardChoice> {
  const { caption, plan, through } = question;
  const count = plan.count.toLocaleString("en-US");
  const top = plan.top.toLocaleString("en-US");
  const dialog = el("dialog", {
    class: "guard-dialog",
    "data-testid": "supernode-dialog",
    "aria-labelledby": "guard-title",
  });
  const button = (choice: GuardChoice, text: string, testId: string, primary = false) => {
    const element = el(
      "button",
      { type: "button", class: primary ? "dialog-button dialog-primary" : "dialog-button", "data-testid": testId },
      text,
    );
    element.addEventListener("click", () => finish(choice));
    return element;
  };
  const topButton = button("top", `Add the top ${top} by degree`, "guard-top", true);
  dialog.append(
    el(
      "h2",
      { id: "guard-title", class: "dialog-title" },
      `${caption} has ${count} neighbour${plan.count === 1 ? "" : "s"}${through ? ` through ${through}` : ""}.`,
    ),
    el(
      "p",
      { class: "dialog-text" },
      `Adding them all at once makes the graph hard to read. The top ${top} are the most connected ones.`,
    ),
    plan.allCapped
      ? el(
          "p",
          { class: "dialog-note", "data-testid": "guard-server-limit" },
          `“Add all” adds at most ${plan.allLimit.toLocaleString("en-US")}, the server's limit for one expansion.`,
        )
      : "",
    el(
      "div",
      { class: "dialog-actions" },
      topButton,
      button(
        "all",
        plan.allCapped ? `Add ${plan.allLimit.toLocaleString("en-US")} (server limit)` : `Add all ${count}`,
        "guard-all",
      ),
      button("cancel", "Cancel", "guard-cancel"),
    ),
  );
  let finish: (choice: GuardChoice) => void = () => {};
  const answer = new Promise<GuardChoice>((resolve) => {
    finish = (choice) => {
      dialog.close();
      dialog.remove();
      resolve(choice);
    };
  });
  dialog.addEventListener("cancel", (event) => {
    event.preventDefault();
    finish("cancel");
  });
  host.append(dialog);
  dialog.showModal();
  topButton.focus();
  return answer;
}
