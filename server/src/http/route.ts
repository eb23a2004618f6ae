import type { RequestHandler, Router } from "express";
import type { Endpoint } from "../../../contract/endpoint";

const METHODS = { GET: "get", POST: "post", DELETE: "delete" } as const;

/**
 * Registers `handlers` at the endpoint's method and full path (routers are mounted at the root):
 * routes take their paths from the contract's endpoint table, never write them.
 */
export function route(router: Router, endpoint: Endpoint, ...handlers: RequestHandler[]): void {
  router[METHODS[endpoint.method]](endpoint.path, ...handlers);
}
