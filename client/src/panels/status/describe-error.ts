import { ApiRequestError } from "../../api/api-request-error";

/** A one-line message for the status banner, from whatever was thrown. */
export function describeError(error: unknown, doing?: string): string {
  const prefix = doing ? `${doing}: ` : "";
  if (error instanceof ApiRequestError) {
    const hint = error.retriable ? " Try again in a moment." : "";
    return `${prefix}${error.message}${hint}`;
  }
  if (error instanceof Error) return `${prefix}${error.message}`;
  return `${prefix}${String(error)}`;
}
