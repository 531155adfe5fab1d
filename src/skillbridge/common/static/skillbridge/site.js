// Progressive enhancement only: every page works without this file.
document.documentElement.classList.add("js");

// The language menu switches as soon as a language is chosen; without
// JavaScript its "Change" button does the same.
document.addEventListener("change", (event) => {
  const select = event.target.closest("select[data-autosubmit]");
  if (select) select.form.requestSubmit();
});
