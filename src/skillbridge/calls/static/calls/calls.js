// Calls pages, progressive enhancement only: every page works without this file.

// Live character counts under the proposal's answers.
document.querySelectorAll("[data-count-for]").forEach((output) => {
  const input = document.getElementById(output.dataset.countFor);
  const shown = output.querySelector("span");
  if (!input || !shown) return;
  const update = () => {
    shown.textContent = input.value.length;
    output.classList.toggle("near-limit", input.maxLength > 0 && input.value.length > input.maxLength * 0.9);
  };
  input.addEventListener("input", update);
  update();
});

// Countdowns to a call's deadline, ticking once a minute. The server already
// wrote the time left; this only keeps it current.
const countdowns = document.querySelectorAll("[data-countdown]");
function tick() {
  const now = Date.now();
  countdowns.forEach((element) => {
    const left = Date.parse(element.dataset.countdown) - now;
    if (Number.isNaN(left)) return;
    if (left <= 0) {
      element.textContent = element.dataset.closed;
      return;
    }
    const minutes = Math.floor(left / 60000);
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    const parts = [];
    if (days) parts.push(`${days} ${element.dataset.days}`);
    parts.push(`${hours} ${element.dataset.hours}`, `${minutes % 60} ${element.dataset.minutes}`);
    const time = parts.join(" ");
    const template = element.dataset.template || "";
    element.textContent = template.includes("__TIME__") ? template.replace("__TIME__", time) : time;
  });
}
if (countdowns.length) {
  tick();
  setInterval(tick, 60000);
}

// An error summary takes the focus, so a screen reader reads it and the page
// scrolls to it; after an in-place budget change, the budget's own summary or
// status does the same.
function focusSummary() {
  const summary = document.querySelector("[data-focus-on-load]");
  if (!summary) return;
  summary.removeAttribute("data-focus-on-load");
  summary.focus();
}
focusSummary();
document.body.addEventListener("htmx:afterSettle", focusSummary);
