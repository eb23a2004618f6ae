export type ParamsParse = { ok: true; params: Record<string, unknown> } | { ok: false; message: string };

/** The parameters editor's text as a params object: blank is `{}`, anything but a JSON object is refused. */
export function parseParams(text: string): ParamsParse {
  if (text.trim() === "") return { ok: true, params: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `Parameters are not valid JSON: ${reason}` };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { ok: false, message: 'Parameters must be a JSON object, e.g. {"name": "Huawei", "limit": 25}' };
  }
  return { ok: true, params: value as Record<string, unknown> };
}

/** Params as the text of the parameters editor. */
export function formatParams(params: Record<string, unknown>): string {
  return Object.keys(params).length === 0 ? "{}" : JSON.stringify(params, null, 2);
}
