import { el } from "../../dom/el";
import { formatParams, type ParamsParse, parseParams } from "./parse-params";

export interface ParamsInput {
  readonly element: HTMLElement;
  readonly textarea: HTMLTextAreaElement;
  /** The parameters, or shows why the JSON cannot be used (and returns that). */
  read(): ParamsParse;
  set(params: Record<string, unknown>): void;
  text(): string;
}

/** The parameters editor: a JSON object in a textarea, checked as you leave it and before every run. */
export function createParamsInput(initial: string, onChange: (text: string) => void): ParamsInput {
  const textarea = el("textarea", {
    id: "cypher-params",
    class: "params-input",
    "data-testid": "params-input",
    spellcheck: "false",
    autocomplete: "off",
    placeholder: '{"name": "Huawei", "limit": 25}',
    "aria-describedby": "cypher-params-message",
  });
  textarea.value = initial;
  const message = el("p", {
    id: "cypher-params-message",
    class: "params-message",
    "data-testid": "params-error",
    role: "alert",
    hidden: true,
  });
  const show = (parsed: ParamsParse) => {
    message.hidden = parsed.ok;
    message.textContent = parsed.ok ? "" : parsed.message;
    textarea.setAttribute("aria-invalid", String(!parsed.ok));
    return parsed;
  };
  const read = () => show(parseParams(textarea.value));
  textarea.addEventListener("input", () => {
    onChange(textarea.value);
    // Say when it is fixed at once; say that it is broken only on leaving or running.
    const parsed = parseParams(textarea.value);
    if (parsed.ok) show(parsed);
  });
  textarea.addEventListener("blur", () => read());
  return {
    element: el(
      "div",
      { class: "wb-params" },
      el(
        "label",
        { class: "wb-label", for: "cypher-params" },
        "Parameters ",
        el("span", { class: "wb-muted" }, "JSON"),
      ),
      textarea,
      message,
    ),
    textarea,
    read,
    set: (params) => {
      textarea.value = formatParams(params);
      onChange(textarea.value);
      show({ ok: true, params });
    },
    text: () => textarea.value,
  };
}
