// Live updates for pages that mark a region with data-live="topic": when the
// server says the topic changed (server-sent events), the page is fetched
// again and the region replaced. Without JavaScript a reload shows the same.
(function () {
  "use strict";
  var regions = document.querySelectorAll("[data-live]");
  if (!regions.length || !window.EventSource || !window.fetch) return;
  var process = document.body.getAttribute("data-process");
  if (!process) return;
  var topic = regions[0].getAttribute("data-live");
  var pending = null;
  function refresh() {
    pending = null;
    fetch(window.location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) return;
        var fresh = new DOMParser().parseFromString(html, "text/html");
        regions.forEach(function (region) {
          var next = region.id && fresh.getElementById(region.id);
          if (next) region.innerHTML = next.innerHTML;
        });
        document.documentElement.setAttribute("data-live-updated", String(Date.now()));
      });
  }
  var source = new EventSource("/processes/" + encodeURIComponent(process) + "/live?topic=" + encodeURIComponent(topic));
  source.addEventListener("change", function () {
    // Several changes at once: one fetch.
    if (!pending) pending = setTimeout(refresh, 150);
  });
  source.addEventListener("open", function () {
    document.documentElement.setAttribute("data-live-connected", "true");
    // A region that changes by itself (a job's progress) may have changed
    // between the page's rendering and this connection: fetch it once.
    if (regions[0].hasAttribute("data-live-resync")) refresh();
  });
})();
