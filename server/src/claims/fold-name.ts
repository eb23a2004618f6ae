/**
 * The key two names are compared by when resolving entities: width-insensitive (NFKC turns
 * full-width "ＮＶＩＤＩＡ" into "NVIDIA"), case-insensitive, with runs of spaces as one.
 */
export function foldName(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** A slug for a name: `Huawei Technologies` becomes `huawei-technologies`. */
export function slugOf(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 120);
}
