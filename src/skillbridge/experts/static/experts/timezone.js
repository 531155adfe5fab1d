// The profile form's time zone follows the country, until the person chooses one.
// Progressive enhancement: without JavaScript the server fills an empty time zone
// from the country.
(function () {
  "use strict";

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
})();
