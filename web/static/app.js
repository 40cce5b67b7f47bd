// himkit-web: the page works without this script (the form is a GET of /). With it, the table
// re-ranks as the controls move (POST /api/rank, the rows redrawn in place with how many places
// each moved), the address bar always holds the profile, and explanations and exclusion lists
// load when opened.
(function () {
  "use strict";

  var profileForm = document.getElementById("profile");
  var liveStatus = document.getElementById("live-status");

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function say(text) {
    if (liveStatus) { liveStatus.textContent = text; }
  }

  // ---- The compare button: enabled for 2 to 10 ticked programs.
  function updateCompare() {
    var button = document.getElementById("compare-button");
    var status = document.getElementById("compare-status");
    if (!button || !status) { return; }
    var count = document.querySelectorAll('input[type="checkbox"][form="compare"]:checked').length;
    var ok = count >= 2 && count <= 10;
    button.disabled = !ok;
    if (count === 0) {
      status.textContent = " Tick 2 to 10 programs in the table.";
    } else if (ok) {
      status.textContent = " " + count + " chosen.";
    } else {
      status.textContent = " " + count + " chosen: choose 2 to 10.";
    }
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

  // ---- The form as a query (what the form submits) and as a profile (what /api/rank reads),
  // the page's reading of the form (ProfileForm::to_profile on the server) in the browser.
  function formQuery() {
    var params = new URLSearchParams();
    new FormData(profileForm).forEach(function (value, key) { params.append(key, value); });
    return params.toString();
  }

  var constraints = (profileForm.dataset.constraints || "").split(" ").filter(Boolean);

  function wholeNumber(text) {
    return /^[0-9]+$/.test(text) ? Number(text) : null;
  }

  function profileOf(data) {
    var problems = [];
    var profile = {
      home_state: data.get("state") || "",
      degree_levels: data.getAll("level"),
      delivery_modes: data.getAll("delivery"),
      require_accreditation: data.has("accredited"),
      require_practice_experience: data.has("practice"),
      desired_skills: data.getAll("skill"),
      method: data.get("method"),
      unknown: {}
    };
    var preferred = data.get("preferred");
    if (preferred) { profile.preferred_delivery = preferred; }
    var credential = data.get("credential");
    if (credential) { profile.target_credential = credential; }
    var cost = (data.get("max_cost") || "").trim();
    if (cost) {
      var dollars = wholeNumber(cost.replace(/^\$/, "").replace(/,/g, ""));
      if (dollars === null) {
        problems.push("max_total_cost: \"" + cost + "\" is not a whole number of dollars");
      } else {
        profile.max_total_cost = dollars;
      }
    }
    var months = (data.get("max_months") || "").trim();
    if (months) {
      var count = wholeNumber(months);
      if (count === null || count > 65535) {
        problems.push("max_length_months: \"" + months + "\" is not a whole number of months");
      } else {
        profile.max_length_months = count;
      }
    }
    var weights = {};
    data.forEach(function (value, key) {
      if (key.indexOf("w-") !== 0 || String(value).trim() === "") { return; }
      var weight = Number(value);
      if (!isFinite(weight)) {
        problems.push("weights." + key.slice(2) + ": \"" + value + "\" is not a number");
      } else {
        weights[key.slice(2)] = weight;
      }
    });
    // As on the server: a criterion that cannot apply counts for nothing.
    if (profile.desired_skills.length === 0) { delete weights["skill-coverage"]; }
    if (!preferred) { delete weights["delivery-preference"]; }
    profile.weights = weights;
    var policy = data.get("unknown");
    constraints.forEach(function (constraint) { profile.unknown[constraint] = policy; });
    return { profile: profile, problems: problems };
  }

  // ---- Drawing a ranking answer into the table.
  var criterionLabels = {};
  profileForm.querySelectorAll('input[type="range"][name^="w-"]').forEach(function (slider) {
    var label = profileForm.querySelector('label[for="' + slider.id + '"]');
    criterionLabels[slider.name.slice(2)] = label ? label.textContent : slider.name.slice(2);
  });
  function criterionLabel(key) { return criterionLabels[key] || key; }

  // The cells that depend only on the program, by id: [name, program, accreditation,
  // credentials] as the server renders them, read from the rows on the page and fetched for
  // programs that enter the table.
  var cells = {};
  var harvested = false;
  // Read when first needed rather than at load: serializing the cells is work the page's first
  // paint does not need.
  function harvest() {
    if (harvested) { return; }
    harvested = true;
    document.querySelectorAll("#ranking tbody.entry").forEach(function (row) {
      var id = row.id.replace(/^entry-/, "");
      var name = row.querySelector("td.program strong");
      cells[id] = [
        name ? name.textContent : id,
        row.querySelector("td.program").innerHTML,
        row.querySelector("td.accreditation").innerHTML,
        row.querySelector("td.credentials").innerHTML
      ];
    });
  }

  // "$12,500", as the server writes money (toLocaleString would build a formatter per call).
  function money(amount) {
    return "$" + String(Math.round(Number(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  function paybackText(payback) {
    switch (payback.payback) {
      case "years": return payback.years.toFixed(1) + " years";
      case "earnings-unknown": return "n/a (earnings unknown)";
      case "cost-unknown": return "n/a (cost unknown)";
      case "not-above-baseline":
        return "n/a (earnings " + money(payback.earnings) + " not above the baseline " + money(payback.baseline) + ")";
      default: return "n/a";
    }
  }

  function scoreBar(entry) {
    var x = 0;
    var rects = entry.contributions.map(function (part) {
      var width = Math.min(Math.max(part.contribution * 100, 0), Math.max(100 - x, 0));
      var rect = '<rect class="c-' + part.criterion + '" x="' + x.toFixed(3) + '" y="0" width="' + width.toFixed(3) +
        '" height="8"></rect>';
      x += width;
      return rect;
    });
    var parts = entry.contributions.map(function (part) {
      return criterionLabel(part.criterion) + " +" + part.contribution.toFixed(3);
    });
    var description = escapeHtml("score " + entry.score.toFixed(3) + " of 1" + (parts.length ? ": " + parts.join(", ") : ""));
    return '<svg class="score-bar" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label="' + description +
      '"><title>' + description + '</title><rect class="bar-rest" x="0" y="0" width="100" height="8"></rect>' + rects.join("") + "</svg>";
  }

  function moved(id, index, before) {
    if (!(id in before)) { return '<span class="moved new">new<span class="visually-hidden"> in the table</span></span>'; }
    var places = before[id] - index;
    if (places === 0) { return ""; }
    var up = places > 0;
    var count = Math.abs(places);
    return '<span class="moved ' + (up ? "up" : "down") + '">' + (up ? "▲" : "▼") + count +
      '<span class="visually-hidden"> ' + (up ? "up " : "down ") + count + (count === 1 ? " place" : " places") + "</span></span>";
  }

  // The cells of a row that change with the profile.
  function dynamicCells(entry, index, before, query) {
    var name = escapeHtml(cells[entry.id][0]);
    var href = escapeHtml("/explain?" + query + "&id=" + encodeURIComponent(entry.id));
    var cost = entry.total_cost === null || entry.total_cost === undefined
      ? '<span class="unknown">unknown</span>'
      : money(entry.total_cost) + (entry.cost_is_estimate ? ' <span class="estimate">(estimate)</span>' : "");
    cost += ' <span class="residency">' + escapeHtml(entry.residency.replace(/-/g, " ")) + "</span>";
    return {
      rank: '<span class="rank-number">' + entry.rank + "</span>" + moved(entry.id, index, before),
      score: '<span class="band band-' + escapeHtml(entry.band) + '">' + escapeHtml(entry.band) + "</span> " +
        '<span class="score-number">' + entry.score.toFixed(3) + "</span>" + scoreBar(entry),
      cost: cost,
      payback: escapeHtml(paybackText(entry.payback)),
      explain: '<details class="explain"><summary>Why rank ' + entry.rank + "? Full explanation of " + name +
        '</summary><div class="explain-body"><a href="' + href + '">Open the explanation of ' + name + "</a></div></details>"
    };
  }

  function rowHtml(id, parts, picked) {
    var cell = cells[id];
    var name = escapeHtml(cell[0]);
    var safeId = escapeHtml(id);
    return '<tbody class="entry" id="entry-' + safeId + '"><tr class="main">' +
      '<td class="pick" data-label="Compare"><input type="checkbox" name="id" value="' + safeId + '" form="compare" id="pick-' + safeId + '"' +
      (picked ? " checked" : "") + ">" +
      '<label class="visually-hidden" for="pick-' + safeId + '">Compare ' + name + "</label></td>" +
      '<td class="rank" data-label="Rank">' + parts.rank + "</td>" +
      '<td class="program" data-label="Program">' + cell[1] + "</td>" +
      '<td class="score" data-label="Score">' + parts.score + "</td>" +
      '<td class="accreditation" data-label="Accreditation">' + cell[2] + "</td>" +
      '<td class="credentials" data-label="Credentials">' + cell[3] + "</td>" +
      '<td class="cost" data-label="Total cost">' + parts.cost + "</td>" +
      '<td class="payback" data-label="Payback">' + parts.payback + "</td></tr>" +
      '<tr class="more"><td colspan="8">' + parts.explain + "</td></tr></tbody>";
  }

  function fetchCells(ids) {
    var missing = ids.filter(function (id) { return !(id in cells); });
    if (missing.length === 0) { return Promise.resolve(); }
    var params = new URLSearchParams();
    missing.forEach(function (id) { params.append("id", id); });
    return fetch("/fragments/programs?" + params.toString()).then(function (response) {
      if (!response.ok) { throw new Error("program cells: " + response.status); }
      return response.json();
    }).then(function (found) {
      Object.keys(found).forEach(function (id) { cells[id] = found[id]; });
    });
  }

  function drawSummary(ranking) {
    var summary = document.getElementById("summary");
    if (summary) {
      var ranked = ranking.out_of - ranking.excluded;
      summary.textContent = ranking.entries.length + " shown of " + ranked + " ranked; " + ranking.excluded + " excluded; " +
        ranking.out_of + " considered. Method: " + ranking.method.replace(/-/g, " ") +
        ". Bands: strong ≥ 0.75, good ≥ 0.55, weaker below.";
    }
    var legend = document.getElementById("legend");
    if (legend) {
      legend.innerHTML = Object.keys(ranking.criteria).map(function (key) {
        return '<li><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect class="c-' + escapeHtml(key) +
          '" width="10" height="10"></rect></svg>' + escapeHtml(criterionLabel(key)) + " " + ranking.criteria[key].toFixed(2) + "</li>";
      }).join("");
    }
  }

  function drawNotes(data) {
    var notes = document.getElementById("notes");
    if (!notes) { return; }
    var weighted = function (key) { return Number(data.get("w-" + key)) > 0; };
    var html = "";
    if (data.getAll("skill").length === 0 && weighted("skill-coverage")) {
      html += '<p class="note">Skill coverage counts for nothing: no skills are chosen.</p>';
    }
    if (!data.get("preferred") && weighted("delivery-preference")) {
      html += '<p class="note">Delivery preference counts for nothing: no delivery is preferred.</p>';
    }
    notes.innerHTML = html;
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

  function draw(ranking, query, data) {
    var table = document.getElementById("ranking");
    var ids = ranking.entries.map(function (entry) { return entry.id; });
    harvest();
    return fetchCells(ids).then(function () {
      var before = {};
      var picked = {};
      var old = table.querySelectorAll("tbody.entry");
      old.forEach(function (row, index) {
        var id = row.id.replace(/^entry-/, "");
        before[id] = index;
        var box = row.querySelector('input[type="checkbox"]');
        if (box && box.checked) { picked[id] = true; }
      });
      // One string, parsed once: quicker than redrawing the cells of the rows one by one.
      var html = ranking.entries.map(function (entry, index) {
        return rowHtml(entry.id, dynamicCells(entry, index, before, query), picked[entry.id]);
      }).join("");
      old.forEach(function (row) { row.remove(); });
      table.insertAdjacentHTML("beforeend", html);
      drawSummary(ranking);
      drawNotes(data);
      drawCompareFields(query);
      updateCompare();
    });
  }

  // The sections the answer of /api/rank does not hold (the exclusions by reason, how stable
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
      harvested = false;
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
    var data = new FormData(profileForm);
    var built = profileOf(data);
    if (built.problems.length > 0) {
      history.replaceState(null, "", "/?" + query);
      say("Not updated: " + built.problems.join("; "));
      return;
    }
    busy = true;
    var work;
    // After the request is on its way: the history update takes a few milliseconds.
    var remember = function () { history.replaceState(null, "", "/?" + query); };
    if (!document.getElementById("ranking")) {
      remember();
      work = swapFromPage(query, ["results", "stability"]).then(function () { say(""); });
    } else {
      markStale(true);
      work = fetch("/api/rank?top=" + encodeURIComponent(data.get("shown") || "20") + "&exclusions=none", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(built.profile)
      });
      remember();
      work = work.then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      }).then(function (answer) {
        if (!answer.ok) {
          say("Not updated: " + (answer.body.error ? answer.body.error.message : "the server refused the profile"));
          return null;
        }
        if (answer.body.entries.length === 0) {
          return swapFromPage(query, ["results", "stability"]);
        }
        return draw(answer.body, query, data).then(function () {
          say("Updated: " + answer.body.entries.length + " shown.");
          settle = setTimeout(function () {
            swapFromPage(query, ["exclusions", "stability"]).then(function () { markStale(false); });
          }, 600);
        });
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
