import type { RequestHandler, Router } from "express";
import type { Endpoint } from "../../../contract/endpoint";
import { accessGate } from "./access-gate";
import { principalOf, runAs } from "./auth-context";

const METHODS = { GET: "get", POST: "post", PUT: "put", DELETE: "delete" } as const;

/**
 * Registers `handlers` at the endpoint's method and full path (routers are mounted at the root):
 * routes take their paths from the contract's endpoint table, never write them. The endpoint's
 * access gate runs first (roles, CSRF and the audit trail in accounts mode).
 */
export function route(router: Router, endpoint: Endpoint, ...handlers: RequestHandler[]): void {
  const asPrincipal = handlers.map(
    (handler): RequestHandler =>
      (req, res, next) =>
        runAs(principalOf(req), () => handler(req, res, next)),
  );
  router[METHODS[endpoint.method]](endpoint.path, accessGate(endpoint), ...asPrincipal);
}
