// Searchable lists, for any form: a search box before each select or checkbox list
// that carries `data-filter` (the box's label; common.forms.searchable). Progressive
// enhancement: without JavaScript every list is whole.
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

  document.querySelectorAll("select[data-filter], div.pick-list").forEach(addFilter);
})();
