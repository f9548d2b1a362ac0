// Small progressive enhancements; every page works without them.
(() => {
  "use strict";

  // One tap, one submission: a second tap while the first is on its way does nothing.
  for (const form of document.querySelectorAll("form")) {
    form.addEventListener("submit", (event) => {
      if (form.dataset.submitting === "true") {
        event.preventDefault();
        return;
      }
      form.dataset.submitting = "true";
      const button = form.querySelector("button[type=submit][data-busy-text]");
      if (button) {
        button.textContent = button.dataset.busyText;
      }
    });
  }

  // Live character counts for fields with a limit; the server still checks, and keeps the text if over.
  for (const field of document.querySelectorAll("[data-limit]")) {
    const limit = Number(field.dataset.limit);
    const counter = field.id ? document.getElementById(field.id + "-count") : null;
    if (!counter) {
      continue;
    }
    const update = () => {
      const left = limit - field.value.length;
      counter.textContent = left >= 0
        ? `${left.toLocaleString()} characters left`
        : `${(-left).toLocaleString()} characters over the limit of ${limit.toLocaleString()}`;
      counter.classList.toggle("field-error", left < 0);
    };
    field.addEventListener("input", update);
    update();
  }

  // After a refused answer, take the reader to the list of what to fix.
  document.querySelector("[data-focus-on-load]")?.focus();

  // Until live updates arrive, pages poll a small state endpoint and refresh when the room changes.
  const poller = document.querySelector("[data-poll]");
  if (!poller) {
    return;
  }
  const kept = JSON.parse(sessionStorage.getItem("rw-keep") ?? "null");
  sessionStorage.removeItem("rw-keep");
  if (kept && kept.path === window.location.pathname) {
    for (const id of kept.open) {
      document.getElementById(id)?.setAttribute("open", "");
    }
    window.scrollTo(0, kept.y);
  }
  let typed = false;
  document.addEventListener("input", () => { typed = true; });
  const isPhone = poller.dataset.state !== undefined;
  const same = (state) => isPhone
    ? state.state === poller.dataset.state && String(state.step) === poller.dataset.step
    : [state.state, state.step, state.participants, state.answers, state.latest].join("|") === poller.dataset.signature;

  const check = async () => {
    try {
      const response = await fetch(poller.dataset.poll, { headers: { Accept: "application/json" }, cache: "no-store" });
      if (response.ok && !same(await response.json())) {
        const banner = document.querySelector("[data-moved-on]");
        if (typed && banner) {
          // Never throw away what someone is typing: tell them, and let them choose when to go.
          banner.hidden = false;
          return;
        }
        // Keep the facilitator's place: scroll position and open panels survive the refresh.
        sessionStorage.setItem("rw-keep", JSON.stringify({
          path: window.location.pathname,
          y: window.scrollY,
          open: [...document.querySelectorAll("details[open][id]")].map((d) => d.id),
        }));
        window.location.replace(window.location.pathname);
        return;
      }
    } catch {
      // Offline for a moment: try again on the next tick.
    }
    setTimeout(check, isPhone ? 3000 : 4000);
  };
  setTimeout(check, 3000);
})();
