/*
 * shnor-site: the printed footer (overrides/partials/shnor-print.html) names the page's
 * address. A site built without site_url knows only the path; the browser knows the full
 * address, so put it into the footer line and into the @page margin box.
 */
(function () {
  "use strict";

  function fullAddress() {
    var here = window.location.origin + window.location.pathname;
    document.querySelectorAll(".shnor-print-address").forEach(function (span) {
      if (span.textContent.charAt(0) === "/") span.textContent = here;
    });
    var style = document.getElementById("shnor-print-page");
    if (!style) return;
    style.textContent = style.textContent.replace(/ · \/[^ "]* · /, function () {
      return " · " + here.replace(/["\\]/g, "\\$&") + " · ";
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(fullAddress);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fullAddress);
  } else {
    fullAddress();
  }
})();
