// Accessible names for two pieces of Wagtail 8.0.1's admin markup that come without one (axe:
// aria-dialog-name, label): the chooser modal, and the text box of the tag field. Both are built
// by Wagtail's scripts after the page loads, so they are named as they appear.
(() => {
  let counter = 0;
  let pending = false;

  function nameDialogs() {
    for (const dialog of document.querySelectorAll('.modal[role="dialog"]')) {
      const heading = dialog.querySelector(".modal-body h1, .modal-body h2");
      if (!heading) continue;
      if (!heading.id) heading.id = `admin-modal-heading-${++counter}`;
      dialog.setAttribute("aria-labelledby", heading.id);
    }
  }

  function labelTagInputs() {
    for (const source of document.querySelectorAll('input[data-controller~="w-tag"][id]')) {
      const typed = source.parentElement.querySelector("ul.tagit input[type='text']");
      const label = document.querySelector(`label[for="${source.id}"]`);
      if (typed && label && !typed.hasAttribute("aria-label")) {
        typed.setAttribute("aria-label", label.textContent.trim());
      }
    }
  }

  function fixSoon() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      nameDialogs();
      labelTagInputs();
    });
  }

  new MutationObserver(fixSoon).observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
  fixSoon();
})();
