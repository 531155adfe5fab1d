// Searchable lists and the time zone that follows the country, for the experts' forms.
// Progressive enhancement: without JavaScript every list is whole and the server
// fills an empty time zone from the country.
(function () {
  "use strict";

  function folded(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // A select's options, or a checkbox list's rows (each label's own row).
  function entries(target) {
    if (target.tagName === "SELECT") {
      return Array.prototype.filter.call(target.options, function (option) {
        return option.value !== "";
      });
    }
    return Array.prototype.map.call(target.querySelectorAll("label"), function (label) {
      return label.parentElement === target ? label : label.parentElement;
    });
  }

  // A checkbox list (CheckboxSelectMultiple) carries its class on its box and the
  // search box's label on each of its checkboxes.
  function filterLabel(target) {
    return target.dataset.filter || target.querySelector("[data-filter]").dataset.filter;
  }

  function addFilter(target, number) {
    var label = filterLabel(target);
    var input = document.createElement("input");
    input.type = "search";
    input.className = "list-filter";
    input.id = (target.id || "list") + "-filter-" + number;
    input.placeholder = label;
    input.setAttribute("aria-label", label);
    if (target.id) {
      input.setAttribute("aria-controls", target.id);
    }
    target.parentNode.insertBefore(input, target);
    input.addEventListener("input", function () {
      var wanted = folded(input.value.trim());
      entries(target).forEach(function (entry) {
        entry.hidden = wanted !== "" && folded(entry.textContent).indexOf(wanted) === -1;
      });
    });
  }

  function followCountry() {
    var form = document.querySelector("form[data-country-zones]");
    var country = document.getElementById("id_country");
    var zone = document.getElementById("id_timezone");
    if (!form || !country || !zone) {
      return;
    }
    var zones = JSON.parse(form.dataset.countryZones);
    var proposed = zones[country.value] || "";
    country.addEventListener("change", function () {
      // Only an empty zone, or the one proposed for the previous country, follows:
      // a zone the person chose stays.
      if (zone.value === "" || zone.value === proposed) {
        proposed = zones[country.value] || "";
        zone.value = proposed;
      }
    });
  }

  document.querySelectorAll("select[data-filter], div.pick-list").forEach(addFilter);
  followCountry();
})();
