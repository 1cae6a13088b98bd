// Autosave for partnership step forms: progressive enhancement only. Without this file the
// "Save draft" button does the same job. Saves a few seconds after typing stops and when a field
// loses focus, posting the form as a draft (action=save) and showing the result.
(() => {
  const DELAY_MS = 3000;

  function payload(form) {
    const data = new FormData(form);
    data.set("action", "save");
    // Removing an objective waits for an explicit Save: an autosaved removal would leave the
    // page pointing at a row that no longer exists.
    for (const name of [...data.keys()]) {
      if (name.endsWith("-DELETE")) data.delete(name);
    }
    return data;
  }

  function fingerprint(data) {
    return new URLSearchParams(data).toString();
  }

  function setUp(form) {
    const status = form.querySelector("[data-autosave-status]");
    let timer = null;
    let lastSent = fingerprint(payload(form));

    function say(text) {
      if (status) status.textContent = text;
    }

    let inFlight = null;

    // One save at a time: a second one sent before the first answers would post new rows
    // without their ids and add them twice.
    function save() {
      timer = null;
      const mine = (inFlight || Promise.resolve()).then(sendIfChanged);
      inFlight = mine;
      mine.finally(() => {
        if (inFlight === mine) inFlight = null;
      });
      return mine;
    }

    async function sendIfChanged() {
      const data = payload(form);
      if (fingerprint(data) !== lastSent) await send(data);
    }

    async function send(data) {
      try {
        // form.action would be shadowed by the buttons named "action"; read the attribute.
        const response = await fetch(form.getAttribute("action") || window.location.href, {
          method: "POST",
          body: data,
          headers: { Accept: "application/json" },
          credentials: "same-origin",
        });
        const result = await response.json();
        if (response.ok && result.saved) {
          // New rows get their ids, so the next save updates them rather than adding them again.
          for (const [name, value] of Object.entries(result.updates || {})) {
            const field = form.querySelector(`[name="${name}"]`);
            if (field) field.value = value;
          }
          lastSent = fingerprint(payload(form));
          say(result.message);
        } else {
          say("Not saved yet: check the highlighted fields, then use Save draft.");
        }
      } catch (error) {
        say("Could not save automatically; use Save draft.");
      }
    }

    function schedule() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(save, DELAY_MS);
    }

    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
    form.addEventListener("focusout", () => {
      if (timer) clearTimeout(timer);
      save();
    });
    form.addEventListener("submit", (event) => {
      if (timer) clearTimeout(timer);
      if (!inFlight) return;
      // Clicking a button first blurs the field, which starts a save. Submitting before its
      // answer arrives would post new rows without their ids and add them a second time.
      event.preventDefault();
      const submitter = event.submitter;
      inFlight.then(() => form.requestSubmit(submitter));
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("form[data-autosave]").forEach(setUp);
  });
})();
