// The review page's filters. A correction under the threshold is marked `low`. A
// correction passes when it is low (if "only marked ones") and of the chosen rule (if
// one is chosen); a row matches when it holds a passing correction (if a correction
// filter is on) and a warning of the chosen code (if one is chosen); with no filter on,
// every row holding a correction or a warning matches. "hide rows that do not match"
// hides the rest; previous/next (and the keys p/n) step through the matching rows.
// The address sets the controls at load: ?below=0.95&low&rule=lexicon&code=…&only&at=3
// (`only` hides the rows that do not match, `at` is the match to show, from 1); the
// browser test uses it. The body's data-* attributes report the state.
(function () {
  const $ = (id) => document.getElementById(id);
  const threshold = $("threshold"), shown = $("threshold-value"), onlyLow = $("only-low");
  const rule = $("rule"), code = $("code"), hideOthers = $("hide-others");
  const count = $("match-count"), showWhy = $("show-why");
  const rows = Array.from(document.querySelectorAll("#review tbody tr"));
  const warnings = Array.from(document.querySelectorAll("#warnings li"));
  let matches = [], current = -1;

  const params = new URLSearchParams(location.search);
  if (params.has("below")) threshold.value = params.get("below");
  if (params.has("low")) onlyLow.checked = true;
  if (params.has("rule")) rule.value = params.get("rule");
  if (params.has("code")) code.value = params.get("code");
  if (params.has("only")) hideOthers.checked = true;

  function say() {
    const where = current < 0 ? "" : `${current + 1} of `;
    const noun = matches.length === 1 ? "row matches" : "rows match";
    count.textContent = `${where}${matches.length} ${noun} · ${document.body.dataset.matchCorrections} corrections`;
    document.body.dataset.current = current < 0 ? "" : matches[current].id;
  }

  function apply() {
    const limit = parseFloat(threshold.value);
    shown.textContent = limit.toFixed(2);
    const correctionFilter = onlyLow.checked || rule.value !== "";
    const wanted = code.value;
    let low = 0, passing = 0;
    matches = [];
    for (const row of rows) {
      let held = 0, passed = 0;
      for (const c of row.querySelectorAll(".correction")) {
        const isLow = parseFloat(c.dataset.confidence) < limit;
        const passes = (!onlyLow.checked || isLow) && (rule.value === "" || c.dataset.rule === rule.value);
        c.classList.toggle("low", isLow);
        c.classList.toggle("match", correctionFilter && passes);
        low += isLow;
        held++;
        passed += passes;
      }
      const codes = row.dataset.warnings ? row.dataset.warnings.split(" ") : [];
      const matched = (correctionFilter ? passed > 0 : true)
        && (wanted === "" || codes.includes(wanted))
        && (correctionFilter || wanted !== "" || held > 0 || codes.length > 0);
      row.classList.toggle("match", matched);
      row.classList.remove("current");
      row.hidden = hideOthers.checked && !matched;
      if (matched) {
        matches.push(row);
        passing += passed;
      }
    }
    for (const w of warnings) w.hidden = wanted !== "" && w.dataset.code !== wanted;
    current = -1;
    const body = document.body.dataset;
    body.lowCorrections = low;
    body.matchCorrections = passing;
    body.matchRows = matches.length;
    body.shownRows = rows.filter((r) => !r.hidden).length;
    const filters = [
      onlyLow.checked && `corrections under ${limit.toFixed(2)}`,
      rule.value && `rule ${rule.value}`,
      wanted && `warning ${wanted}`,
    ].filter(Boolean);
    $("print-filter").textContent = (filters.length ? `Filter: ${filters.join(", ")}. ` : "")
      + (hideOthers.checked ? `Only the ${matches.length} matching rows are shown.` : "Every row is shown.");
    say();
  }

  function go(step) {
    if (matches.length === 0) return;
    if (current >= 0) matches[current].classList.remove("current");
    current = current < 0 ? (step > 0 ? 0 : matches.length - 1)
      : (current + step + matches.length) % matches.length;
    const row = matches[current];
    row.classList.add("current");
    row.scrollIntoView({ block: "center" });
    say();
  }

  for (const control of [threshold, onlyLow, rule, code, hideOthers]) {
    control.addEventListener(control.type === "range" ? "input" : "change", apply);
  }
  $("previous").addEventListener("click", () => go(-1));
  $("next").addEventListener("click", () => go(1));
  for (const pick of document.querySelectorAll(".pick-rule")) {
    pick.addEventListener("click", () => { rule.value = pick.dataset.rule; apply(); go(1); });
  }
  document.addEventListener("keydown", (e) => {
    if (e.target.closest("input, select, textarea") || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "n") go(1);
    if (e.key === "p") go(-1);
  });
  showWhy.addEventListener("change", () => document.body.classList.toggle("no-why", !showWhy.checked));
  $("print").addEventListener("click", () => window.print());
  // Closed sections print empty: open them for the printout.
  window.addEventListener("beforeprint", () => {
    for (const d of document.querySelectorAll("details")) d.open = true;
  });

  // Anchors (note calls, "see", next/previous) scroll their row below the sticky header,
  // not under it.
  const header = document.querySelector("header");
  const pad = () => { document.documentElement.style.scrollPaddingTop = `${header.offsetHeight + 8}px`; };
  window.addEventListener("resize", pad);
  pad();

  apply();
  for (let i = parseInt(params.get("at") || "0", 10); i > 0; i--) go(1);
  document.body.dataset.ready = "1";
})();
