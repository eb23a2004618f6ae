/** "ByteDance", "neighbourhood", 2026-11-28, "png" → "bytedance-neighbourhood-2026-11-28.png". */
export function exportFilename(parts: { subject: string; what: string; date: Date; extension: string }): string {
  const day = parts.date.toISOString().slice(0, 10);
  const words = [slug(parts.subject), slug(parts.what), day].filter((word) => word !== "");
  return `${words.join("-")}.${parts.extension}`;
}

/** Lower-case words joined by dashes; letters of any script are kept, everything else dropped. */
function slug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}
