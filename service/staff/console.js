// The staff queue, refreshed every 5 seconds. Text goes in with textContent only: conversation
// data is never parsed as HTML.
(function () {
  "use strict";
  var body = document.getElementById("queue");
  var empty = document.getElementById("queue-empty");
  if (!body) { return; }
  function cell(row, text) {
    var td = document.createElement("td");
    td.textContent = text;
    row.appendChild(td);
    return td;
  }
  function show(items) {
    var rows = document.createDocumentFragment();
    items.forEach(function (item) {
      var row = document.createElement("tr");
      var first = cell(row, "");
      var link = document.createElement("a");
      link.href = "/staff/conversations/" + encodeURIComponent(String(item.id));
      link.textContent = "#" + item.id;
      first.appendChild(link);
      cell(row, item.status);
      cell(row, item.channel);
      cell(row, item.language_name);
      cell(row, item.since);
      cell(row, item.taken_by || "");
      cell(row, item.callback_requested ? "yes" : "");
      rows.appendChild(row);
    });
    body.replaceChildren(rows);
    empty.hidden = items.length > 0;
  }
  function refresh() {
    fetch("/staff/api/queue", { credentials: "same-origin" })
      .then(function (response) {
        if (response.status === 401) { window.location.assign("/staff/login"); return null; }
        return response.ok ? response.json() : null;
      })
      .then(function (data) { if (data) { show(data.queue); } })
      .catch(function () { /* try again at the next tick */ });
  }
  window.setInterval(refresh, 5000);
})();
