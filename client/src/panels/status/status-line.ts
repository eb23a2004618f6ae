import { isAbortError } from "../../api/api-request-error";
import { el } from "../../dom/el";
import { describeError } from "./describe-error";

export interface StatusLine {
  info(message: string): void;
  /** A visible, non-blocking banner that stays until dismissed or replaced. */
  error(message: string): void;
  clear(): void;
  /** A button after the line's message (until the next message): `label`, running `run` once. */
  offer(label: string, run: () => void): void;
  /** What failed while `doing` it, as a banner; a request the page itself cancelled says nothing. */
  fail(doing: string, error: unknown): void;
}

/** The one line that says what just happened ("Added 3 nodes, 4 relationships") or what failed. */
export function createStatusLine(root: HTMLElement): StatusLine {
  const show = (kind: "info" | "error", message: string) => {
    root.dataset.kind = kind;
    root.setAttribute("aria-live", kind === "error" ? "assertive" : "polite");
    const text = el("span", { class: "status-text", "data-testid": "status-text" }, message);
    if (kind === "info") {
      root.replaceChildren(text);
    } else {
      const dismiss = el("button", {
        type: "button",
        class: "status-dismiss",
        "aria-label": "Dismiss",
        title: "Dismiss",
      });
      dismiss.addEventListener("click", () => clear());
      root.replaceChildren(el("span", { class: "status-icon", "aria-hidden": "true" }), text, dismiss);
    }
    root.hidden = false;
  };
  const clear = () => {
    root.replaceChildren();
    delete root.dataset.kind;
    root.hidden = true;
  };
  const offer = (label: string, run: () => void) => {
    if (root.hidden) return;
    const button = el("button", { type: "button", class: "status-action", "data-testid": "status-action" }, label);
    button.addEventListener("click", () => {
      button.remove();
      run();
    });
    root.append(button);
  };
  return {
    info: (message) => show("info", message),
    error: (message) => show("error", message),
    clear,
    offer,
    fail: (doing, error) => {
      if (!isAbortError(error)) show("error", describeError(error, doing));
    },
  };
}
