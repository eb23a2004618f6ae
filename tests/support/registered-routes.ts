import type { Express } from "express";

interface Layer {
  route?: { path: unknown; methods: { [method: string]: boolean } };
  handle?: { stack?: Layer[] };
  rawPath?: unknown;
}

function walk(stack: readonly Layer[], prefix: string): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const path = typeof layer.route.path === "string" ? `${prefix}${layer.route.path}` : String(layer.route.path);
      return Object.keys(layer.route.methods)
        .filter((method) => method !== "_all" && layer.route?.methods[method])
        .map((method) => `${method.toUpperCase()} ${path}`);
    }
    const inner = layer.handle?.stack;
    if (!inner) return [];
    const mount = typeof layer.rawPath === "string" && layer.rawPath !== "/" ? layer.rawPath : "";
    return walk(inner, `${prefix}${mount}`);
  });
}

/** Every route an Express app registers, as `METHOD /path` (Express' form, mount paths included). */
export function registeredRoutes(app: Express): string[] {
  return walk((app as unknown as { router: { stack: Layer[] } }).router.stack, "");
}
