// Progressive enhancement only: every page works without this file.
document.documentElement.classList.add("js");

// The language menu switches as soon as a language is chosen; without
// JavaScript its "Change" button does the same.
document.addEventListener("change", (event) => {
  const select = event.target.closest("select[data-autosubmit]");
  if (select) select.form.requestSubmit();
});

// The stylesheet shows the menu on a wide screen even when its disclosure is
// closed; opening it there too tells assistive technology the same thing.
const wideScreen = window.matchMedia("(min-width: 48rem)");
const menusFollowWidth = () => {
  for (const menu of document.querySelectorAll("details[data-open-when-wide]")) {
    menu.open = wideScreen.matches;
  }
};
menusFollowWidth();
wideScreen.addEventListener("change", menusFollowWidth);
