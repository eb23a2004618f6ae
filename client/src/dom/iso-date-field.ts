import { type Attributes, el } from "./el";

export interface IsoDateField {
  readonly input: HTMLInputElement;
  /** The latest day allowed (YYYY-MM-DD), or null for none. */
  setMax(day: string | null): void;
  /** A complete, real day within the maximum; null while blank, incomplete or wrong. */
  day(): string | null;
}

const HINT = "A day, as YYYY-MM-DD";
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a day the calendar has: 2024-02-29 yes, 2023-02-29 and 2024-13-01 no. */
export function isRealDay(text: string): boolean {
  const match = ISO_DAY.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * What the field shows as digits are typed: "20241231" and "2024-1231" read "2024-12-31". Text with a
 * hyphen anywhere else ("2024-1-5") is left as typed, for the analyst to fix.
 */
export function withHyphens(text: string): string {
  if (!/^[\d-]*$/.test(text) || [...text].some((char, index) => char === "-" && index !== 4 && index !== 7))
    return text;
  const digits = text.replace(/-/g, "").slice(0, 8);
  return [digits.slice(0, 4), digits.slice(4, 6), digits.slice(6, 8)].filter((part) => part !== "").join("-");
}

/**
 * A day typed as the app writes days everywhere else (YYYY-MM-DD), whatever the browser's locale:
 * a date input would show mm/dd/yyyy to one analyst and dd.mm.yyyy to another. Digits get their
 * hyphens as they are typed; a day that does not exist or is past the maximum is marked invalid
 * (the field's validity says why).
 */
export function createIsoDateField(attributes: Attributes): IsoDateField {
  const input = el("input", {
    type: "text",
    inputmode: "numeric",
    autocomplete: "off",
    spellcheck: false,
    maxlength: 10,
    placeholder: "YYYY-MM-DD",
    pattern: "\\d{4}-\\d{2}-\\d{2}",
    title: HINT,
    ...attributes,
  });
  let max: string | null = null;
  const check = () => {
    const text = input.value;
    const problem =
      text === "" || !ISO_DAY.test(text)
        ? ""
        : !isRealDay(text)
          ? `${text} is not a day of the calendar.`
          : max !== null && text > max
            ? `Pick a day up to ${max}.`
            : "";
    input.setCustomValidity(problem);
    input.title = problem || HINT;
    input.toggleAttribute("aria-invalid", problem !== "");
  };
  input.addEventListener("input", () => {
    const shown = withHyphens(input.value);
    if (shown !== input.value) input.value = shown;
    check();
  });
  return {
    input,
    setMax: (day) => {
      max = day;
      check();
    },
    day: () => {
      check();
      return ISO_DAY.test(input.value) && input.validity.valid ? input.value : null;
    },
  };
}
