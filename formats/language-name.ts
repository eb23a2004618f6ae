const LANGUAGES = new Intl.DisplayNames(["en"], { type: "language" });

/** A BCP 47 code in English words (`fr` → French); an unknown or malformed code as it is. */
export function languageName(code: string): string {
  try {
    return LANGUAGES.of(code) ?? code;
  } catch {
    return code;
  }
}
