import type { z } from "zod";
import { CSRF_TOKEN_HEADER } from "../../../contract/csrf-token";
import { endpointUrl } from "../../../contract/endpoint";
import { probeEndpoints } from "../../../contract/probe-endpoints";
import { requestJson } from "./api-client";
import { ApiRequestError } from "./api-request-error";

export type CsrfWrite = <T>(
  href: string,
  schema: z.ZodType<T>,
  options: { body?: unknown; method?: "PUT" | "DELETE" },
) => Promise<T>;

/**
 * Writes from the page with its CSRF token: fetched once and kept, fetched again once if the
 * server refuses it (a restarted server, an expired session), forgotten if fetching it failed.
 */
export function createCsrfWriter(baseUrl = ""): CsrfWrite {
  let csrf: Promise<string> | undefined;
  const freshToken = () => {
    csrf = requestJson(`${baseUrl}${endpointUrl(probeEndpoints.csrfToken, {})}`, probeEndpoints.csrfToken.answer).then(
      ({ token }) => token,
    );
    csrf.catch(() => {
      csrf = undefined;
    });
    return csrf;
  };
  return async (href, schema, options) => {
    const send = async (token: string) =>
      requestJson(href, schema, { ...options, headers: { [CSRF_TOKEN_HEADER]: token } });
    try {
      return await send(await (csrf ?? freshToken()));
    } catch (error) {
      // A refusal for the user's role (details name the role needed) is not the token's fault.
      if (!(error instanceof ApiRequestError) || error.status !== 403 || refusedForRole(error)) throw error;
      return send(await freshToken());
    }
  };
}

function refusedForRole(error: ApiRequestError): boolean {
  return typeof error.details === "object" && error.details !== null && "needed" in error.details;
}
