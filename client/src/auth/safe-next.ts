/** Where to go after signing in: a path of this site from `?next=`, never another site ("//x", "https:"). */
export function safeNext(search: string): string {
  const next = new URLSearchParams(search).get("next") ?? "/";
  return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}
