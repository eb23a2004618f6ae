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
