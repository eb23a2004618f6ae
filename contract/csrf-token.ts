import { z } from "zod";

/**
 * `GET /api/csrf-token`: a token the page reads same-origin and sends back in this header with
 * every write (saving or deleting a view), so that a write never rests on the browser's cached
 * login alone. Scripts send `Authorization: Bearer <token>` instead.
 */
export const CSRF_TOKEN_HEADER = "X-CSRF-Token";

export const csrfTokenSchema = z.object({ token: z.string().min(1) });
export type CsrfToken = z.infer<typeof csrfTokenSchema>;
