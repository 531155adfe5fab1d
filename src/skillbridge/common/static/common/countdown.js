// Countdowns to a deadline, ticking once a minute. The server already wrote
// the time left in words; this keeps them current with the same words, which
// the page gives as data attributes ({% countdown_forms %} in sb_formats):
// each unit's singular and plural, picked with the language's plural rules.
(function () {
  if (window.skillbridgeCountdown) return;
  window.skillbridgeCountdown = true;

  function unit(element, rules, name, count) {
    const form = rules.select(count) === "one" ? "one" : "other";
    return element.dataset[`${name}${form === "one" ? "One" : "Other"}`].replace("__N__", count);
  }

  function words(element, rules, left) {
    const total = Math.floor(left / 60000);
    const days = Math.floor(total / 1440);
    const hours = Math.floor((total % 1440) / 60);
    const minutes = total % 60;
    const both = (a, b) => element.dataset.both.replace("__A__", a).replace("__B__", b);
    if (days) {
      const first = unit(element, rules, "day", days);
      return hours ? both(first, unit(element, rules, "hour", hours)) : first;
    }
    if (hours) {
      const first = unit(element, rules, "hour", hours);
      return minutes ? both(first, unit(element, rules, "minute", minutes)) : first;
    }
    return unit(element, rules, "minute", minutes);
  }

  function tick() {
    const now = Date.now();
    document.querySelectorAll("[data-deadline]").forEach((element) => {
      const left = Date.parse(element.dataset.deadline) - now;
      if (Number.isNaN(left)) return;
      if (left <= 0) {
        element.textContent = element.dataset.closed;
        return;
      }
      const rules = new Intl.PluralRules(document.documentElement.lang || "en");
      element.textContent = element.dataset.left.replace("__A__", words(element, rules, left));
    });
  }

  function start() {
    if (!document.querySelector("[data-deadline]")) return;
    tick();
    setInterval(tick, 60000);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
