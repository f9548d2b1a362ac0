// The activity editor (Pages/Facilitate/Activities/Edit): redraws a step's phone preview while the
// facilitator types, and warns before leaving with unsaved changes. Without it the editor still
// works: every button redraws the whole form, previews included.
(() => {
  "use strict";
  const form = document.querySelector("form[data-editor]");
  if (!form) {
    return;
  }

  let dirty = false;
  const flag = form.querySelector("[data-dirty]");
  const markDirty = () => {
    dirty = true;
    if (flag) {
      flag.hidden = false;
    }
  };

  const timers = new Map();
  const refresh = async (step) => {
    const body = new FormData(form);
    body.set("previewStep", step.dataset.step);
    try {
      const response = await fetch(form.dataset.preview, { method: "POST", body, credentials: "same-origin" });
      if (response.ok) {
        step.querySelector("[data-preview-body]").innerHTML = await response.text();
      }
    } catch {
      // Offline or the server is busy: the preview catches up on the next change or button.
    }
  };

  const changed = (event) => {
    const step = event.target.closest("[data-step]");
    markDirty();
    if (!step) {
      return;
    }

    clearTimeout(timers.get(step));
    timers.set(step, setTimeout(() => refresh(step), 300));
  };

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", () => {
    dirty = false;
  });
  window.addEventListener("beforeunload", (event) => {
    if (dirty) {
      event.preventDefault();
    }
  });
})();
