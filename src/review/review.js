// The low-confidence filter: corrections under the threshold are marked `low`; with
// "only" ticked, rows without such a correction are hidden. `?below=0.95&only` in the
// address sets both at load (the browser test uses it).
(function () {
  const threshold = document.getElementById("threshold");
  const shown = document.getElementById("threshold-value");
  const only = document.getElementById("only-low");
  const params = new URLSearchParams(location.search);
  if (params.has("below")) threshold.value = params.get("below");
  if (params.has("only")) only.checked = true;
  function apply() {
    const limit = parseFloat(threshold.value);
    shown.textContent = limit.toFixed(2);
    let low = 0;
    for (const c of document.querySelectorAll(".correction")) {
      const isLow = parseFloat(c.dataset.confidence) < limit;
      c.classList.toggle("low", isLow);
      if (isLow) low++;
    }
    let rows = 0;
    for (const row of document.querySelectorAll("#review tbody tr")) {
      row.hidden = only.checked && !row.querySelector(".correction.low");
      if (!row.hidden) rows++;
    }
    document.body.dataset.lowCorrections = low;
    document.body.dataset.shownRows = rows;
  }
  threshold.addEventListener("input", apply);
  only.addEventListener("change", apply);
  apply();
  document.body.dataset.ready = "1";
})();
