// The API reference page: Swagger UI over this server's own OpenAPI document. Loaded as a file
// (the Content-Security-Policy allows no inline script); no call leaves this origin.
/* global SwaggerUIBundle */

/** Writes made from this page carry the page's CSRF token, as the explorer's own writes do. */
async function withCsrfToken(request) {
  if (request.method === "GET" || request.method === "HEAD") return request;
  if (request.headers.Authorization?.startsWith("Bearer ")) return request;
  const answer = await fetch("/api/csrf-token", { credentials: "same-origin" });
  if (answer.ok) request.headers["X-CSRF-Token"] = (await answer.json()).token;
  return request;
}

window.ui = SwaggerUIBundle({
  url: "/api/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  // No badge from a remote validator: nothing leaves this origin.
  validatorUrl: null,
  docExpansion: "list",
  defaultModelsExpandDepth: 0,
  defaultModelExpandDepth: 2,
  displayOperationId: false,
  displayRequestDuration: true,
  filter: true,
  tryItOutEnabled: false,
  requestInterceptor: withCsrfToken,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
});

/**
 * What Swagger UI's markup lacks for WCAG 2.2 AA, mended on the rendered page as it changes:
 * - each operation's path is a link inside the operation's toggle button (nested controls, and a
 *   target under 24 px): it becomes text; the page's address still follows the open operation;
 * - answers and examples scroll without being reachable by keyboard: they take the focus;
 * - a parameter's list of values has no name: it takes the parameter's.
 */
function mendMarkup(root) {
  for (const link of root.querySelectorAll(".opblock-summary a.nostyle[href]")) link.removeAttribute("href");
  for (const code of root.querySelectorAll(".microlight:not([tabindex])")) {
    code.setAttribute("tabindex", "0");
    code.setAttribute("role", "region");
    code.setAttribute("aria-label", code.closest(".example") ? "Example" : "Code");
  }
  for (const select of root.querySelectorAll("tr[data-param-name] select:not([aria-label])"))
    select.setAttribute("aria-label", select.closest("tr").dataset.paramName);
}

const viewer = document.getElementById("swagger-ui");
new MutationObserver(() => mendMarkup(viewer)).observe(viewer, { childList: true, subtree: true });
mendMarkup(viewer);
