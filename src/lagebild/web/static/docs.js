// Starts Swagger UI on /docs from the files served by this app (no CDN; see app.py).
(function () {
  "use strict";
  window.addEventListener("load", function () {
    window.SwaggerUIBundle({
      url: document.body.getAttribute("data-openapi") || "/openapi.json",
      dom_id: "#swagger-ui",
      deepLinking: true,
      presets: [window.SwaggerUIBundle.presets.apis],
      layout: "BaseLayout",
    });
  });
})();
