// XML 1.0 forbids most control characters even when escaped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** The text without the characters XML 1.0 cannot hold at all (an XML writer escapes the rest). */
export function xmlCharacters(text: string): string {
  return text.replace(INVALID_XML, "");
}

/** Text safe inside an XML element or a double-quoted attribute. */
export function xmlText(text: string): string {
  return xmlCharacters(text)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}
