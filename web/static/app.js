// himkit-web: the page works without this script (the form is a GET of /). With it, the table
// re-ranks as the controls move (the server reads the form's query as it reads a submitted form
// and sends the rows, the summary and the legend as it renders them: /fragments/ranking; the
// script puts them in place and says how many places each row moved), the address bar always
// holds the profile, and explanations and exclusion lists load when opened. Every rule, limit,
// threshold and sentence that the server also has comes from the server (the rows, the
// summary, the legend, the form's problems, the comparison's bounds and words); the script's
// own words are about its own work only: how a row moved, whether the table was updated.
(function () {
  "use strict";

  var profileForm = document.getElementById("profile");
  var liveStatus = document.getElementById("live-status");

  // Where the stylesheet shows the profile panel's content closed (a wider screen), the panel
  // is open, so that assistive technology reads it as shown. Nothing moves: it was shown.
  var profilePanel = document.getElementById("profile-panel");
  if (profilePanel && window.getComputedStyle(profilePanel.querySelector("summary")).display === "none") {
    profilePanel.open = true;
  }

  function say(text) {
    if (liveStatus) { liveStatus.textContent = text; }
  }

  // ---- The compare button: enabled for as many ticked programs as a comparison takes; the
  // bounds and the words are the status element's (data-least, data-most, and data-none,
  // data-ok and data-out with {count} for the number ticked).
  function updateCompare() {
    var button = document.getElementById("compare-button");
    var status = document.getElementById("compare-status");
    if (!button || !status) { return; }
    var count = document.querySelectorAll('input[type="checkbox"][form="compare"]:checked').length;
    var ok = count >= Number(status.dataset.least) && count <= Number(status.dataset.most);
    button.disabled = !ok;
    var words = count === 0 ? status.dataset.none : ok ? status.dataset.ok : status.dataset.out;
    status.textContent = String(words).replace("{count}", String(count));
  }
  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches('input[type="checkbox"][form="compare"]')) {
      updateCompare();
    }
  });
  updateCompare();

  // ---- Explanations and exclusion lists: loaded from the link's page when opened.
  document.addEventListener("toggle", function (event) {
    var details = event.target;
    if (!details.open || details.dataset.loaded) { return; }
    var explain = details.classList.contains("explain");
    if (!explain && !details.classList.contains("reason")) { return; }
    var holder = details.querySelector(explain ? ".explain-body" : ".reason-list");
    var link = holder && holder.querySelector("a[href]");
    if (!link) { return; }
    details.dataset.loaded = "loading";
    fetch(link.href).then(function (response) { return response.text(); }).then(function (html) {
      var page = new DOMParser().parseFromString(html, "text/html");
      var part = page.querySelector(explain ? ".explain-body" : ".excluded-list");
      if (!part) { throw new Error("nothing to show"); }
      if (explain) {
        holder.replaceWith(document.importNode(part, true));
      } else {
        holder.replaceChildren(document.importNode(part, true));
      }
      details.dataset.loaded = "yes";
    }).catch(function () {
      delete details.dataset.loaded;
    });
  }, true);

  if (!profileForm) { return; }

  // ---- Sliders show their value.
  function showValue(slider) {
    var output = document.getElementById(slider.id + "-value");
    if (output) { output.textContent = slider.value; }
  }

  // ---- The form as a query: what the form submits, and what the server reads the profile from.
  function formQuery() {
    var params = new URLSearchParams();
    new FormData(profileForm).forEach(function (value, key) { params.append(key, value); });
    return params.toString();
  }

  // ---- Drawing the server's rows into the table.
  function moved(id, index, before) {
    if (!(id in before)) { return '<span class="moved new">new<span class="visually-hidden"> in the table</span></span>'; }
    var places = before[id] - index;
    if (places === 0) { return ""; }
    var up = places > 0;
    var count = Math.abs(places);
    return '<span class="moved ' + (up ? "up" : "down") + '">' + (up ? "▲" : "▼") + count +
      '<span class="visually-hidden"> ' + (up ? "up " : "down ") + count + (count === 1 ? " place" : " places") + "</span></span>";
  }

  // The compare form carries the profile: its hidden fields follow the form.
  function drawCompareFields(query) {
    var compare = document.getElementById("compare");
    if (!compare) { return; }
    compare.querySelectorAll('input[type="hidden"]').forEach(function (input) { input.remove(); });
    new URLSearchParams(query).forEach(function (value, key) {
      if (key === "id") { return; }
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = key;
      input.value = value;
      compare.insertBefore(input, compare.firstChild);
    });
  }

  // The rows, the summary and the legend as the server rendered them; each row then says how
  // many places it moved, and keeps its tick.
  function draw(answer, query) {
    var table = document.getElementById("ranking");
    var before = {};
    var picked = {};
    var old = table.querySelectorAll("tbody.entry");
    old.forEach(function (row, index) {
      var id = row.id.replace(/^entry-/, "");
      before[id] = index;
      var box = row.querySelector('input[type="checkbox"]');
      if (box && box.checked) { picked[id] = true; }
    });
    old.forEach(function (row) { row.remove(); });
    table.insertAdjacentHTML("beforeend", answer.rows);
    answer.ids.forEach(function (id, index) {
      var row = document.getElementById("entry-" + id);
      if (!row) { return; }
      row.querySelector("td.rank").insertAdjacentHTML("beforeend", moved(id, index, before));
      if (picked[id]) { row.querySelector('input[type="checkbox"]').checked = true; }
    });
    var summary = document.getElementById("summary");
    if (summary) { summary.innerHTML = answer.summary; }
    var legend = document.getElementById("legend");
    if (legend) { legend.innerHTML = answer.legend; }
    // The map as the server drew it for these rows.
    var map = document.getElementById("map");
    if (map) { map.remove(); }
    if (answer.map) { table.closest(".table-wrap").insertAdjacentHTML("afterend", answer.map); }
    drawCompareFields(query);
    updateCompare();
  }

  // The sections /fragments/ranking does not hold (the exclusions by reason, how stable
  // the top is; everything when the page has no table) come from the page for the query, once
  // the controls rest.
  function swapFromPage(query, ids) {
    return fetch("/?" + query).then(function (response) { return response.text(); }).then(function (html) {
      if (query !== formQuery()) { return; }
      var page = new DOMParser().parseFromString(html, "text/html");
      ids.forEach(function (id) {
        var mine = document.getElementById(id);
        var theirs = page.getElementById(id);
        if (mine && theirs) {
          mine.replaceWith(document.importNode(theirs, true));
        } else if (mine) {
          mine.remove();
        } else if (theirs && id === "stability") {
          var results = document.getElementById("results");
          if (results) { results.after(document.importNode(theirs, true)); }
        }
      });
      updateCompare();
    });
  }

  var timer = null;
  var settle = null;
  var busy = false;
  var again = false;

  function schedule() {
    clearTimeout(timer);
    clearTimeout(settle);
    timer = setTimeout(update, 10);
  }

  function markStale(stale) {
    ["exclusions", "stability"].forEach(function (id) {
      var section = document.getElementById(id);
      if (section) { section.classList.toggle("stale", stale); }
    });
  }

  function update() {
    if (busy) { again = true; return; }
    var query = formQuery();
    busy = true;
    var work;
    // After the request is on its way: the history update takes a few milliseconds.
    var remember = function () { history.replaceState(null, "", "/?" + query); };
    if (!document.getElementById("ranking")) {
      remember();
      work = swapFromPage(query, ["results", "stability"]).then(function () { say(""); });
    } else {
      markStale(true);
      work = fetch("/fragments/ranking?" + query);
      remember();
      work = work.then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      }).then(function (answer) {
        if (!answer.ok) {
          // The form's problems, or the server's refusal (busy, say), in the server's words.
          say("Not updated: " + (answer.body.problems || [answer.body.error && answer.body.error.message]).join("; "));
          return null;
        }
        if (answer.body.ids.length === 0) {
          return swapFromPage(query, ["results", "stability"]);
        }
        draw(answer.body, query);
        say("Updated: " + answer.body.ids.length + " shown.");
        settle = setTimeout(function () {
          swapFromPage(query, ["exclusions", "stability"]).then(function () { markStale(false); });
        }, 600);
        return null;
      });
    }
    work.catch(function () {
      say("The table could not be updated here; the Rank programs button still works.");
    }).then(function () {
      busy = false;
      if (again) { again = false; update(); }
    });
  }

  profileForm.addEventListener("input", function (event) {
    if (event.target.type === "range") { showValue(event.target); }
    schedule();
  });
  profileForm.addEventListener("change", schedule);
}());
