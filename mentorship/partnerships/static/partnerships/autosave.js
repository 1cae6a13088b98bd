// Autosave for partnership step forms: progressive enhancement only. Without this file the
// "Save draft" button does the same job. Saves a few seconds after typing stops and when a field
// loses focus, posting the form as a draft (action=save) and showing the result.
(() => {
  const DELAY_MS = 3000;

  function setUp(form) {
    const status = form.querySelector("[data-autosave-status]");
    let timer = null;
    let lastSent = null;

    async function save() {
      timer = null;
      const data = new FormData(form);
      data.set("action", "save");
      const snapshot = new URLSearchParams(data).toString();
      if (snapshot === lastSent) return;
      try {
        const response = await fetch(form.action || window.location.href, {
          method: "POST",
          body: data,
          headers: { Accept: "application/json" },
          credentials: "same-origin",
        });
        const result = await response.json();
        if (response.ok && result.saved) {
          lastSent = snapshot;
          if (status) status.textContent = result.message;
        } else if (status) {
          status.textContent = "Not saved yet: check the highlighted fields, then use Save draft.";
        }
      } catch (error) {
        if (status) status.textContent = "Could not save automatically; use Save draft.";
      }
    }

    function schedule() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(save, DELAY_MS);
    }

    lastSent = new URLSearchParams(new FormData(form)).toString();
    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
    form.addEventListener("focusout", () => {
      if (timer) clearTimeout(timer);
      save();
    });
    form.addEventListener("submit", () => {
      if (timer) clearTimeout(timer);
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("form[data-autosave]").forEach(setUp);
  });
})();
