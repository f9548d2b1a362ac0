// Small progressive enhancements; every page works without them.
(() => {
  "use strict";

  // Enhancements for a page or for a part of it swapped in by a live refresh.
  const enhance = (scope) => {
    // One tap, one submission: a second tap while the first is on its way does nothing.
    for (const form of scope.querySelectorAll("form")) {
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
    for (const field of scope.querySelectorAll("[data-limit]")) {
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
  };
  enhance(document);

  // After a refused answer, take the reader to the list of what to fix.
  document.querySelector("[data-focus-on-load]")?.focus();

  // Live pages: a phone follows the room, a facilitator's page follows its session. SignalR carries only
  // signals; on a change the page re-reads itself and swaps in the fresh part, so nothing is shown that
  // the page itself would not show. If the live connection is down, a slow poll stands in.
  const root = () => document.querySelector("[data-live]");
  if (!root()) {
    return;
  }
  const isPhone = root().dataset.live === "follow";
  let typed = false;
  document.addEventListener("input", () => { typed = true; });

  const refresh = async () => {
    const current = root();
    try {
      const response = await fetch(window.location.pathname, { cache: "no-store", headers: { "X-Live-Refresh": "1" } });
      if (!response.ok || response.redirected) {
        window.location.replace(window.location.pathname);
        return;
      }
      const fresh = new DOMParser().parseFromString(await response.text(), "text/html").querySelector("[data-live]");
      if (!fresh) {
        window.location.replace(window.location.pathname);
        return;
      }
      const open = [...current.querySelectorAll("details[open][id]")].map((d) => d.id);
      const focused = document.activeElement?.id;
      current.replaceWith(document.adoptNode(fresh));
      for (const id of open) {
        document.getElementById(id)?.setAttribute("open", "");
      }
      if (focused) {
        document.getElementById(focused)?.focus({ preventScroll: true });
      }
      typed = false;
      enhance(fresh);
    } catch {
      // Offline for a moment: the next signal or poll tries again.
    }
  };

  // A phone moves only when the room did; if the person is typing, it asks instead of throwing words away.
  const follow = (state) => {
    const current = root();
    if (state.state === current.dataset.state && String(state.step) === current.dataset.step) {
      return;
    }
    const banner = current.querySelector("[data-moved-on]");
    if (typed && banner) {
      banner.hidden = false;
      return;
    }
    refresh();
  };

  let connected = false;
  if (window.signalR) {
    const connection = new window.signalR.HubConnectionBuilder()
      .withUrl("/hubs/session")
      .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 15000])
      .build();
    connection.on("state", follow);
    connection.on("changed", () => refresh());
    const subscribe = async () => {
      const live = root();
      const state = isPhone
        ? await connection.invoke("Follow", live.dataset.code)
        : await connection.invoke("Watch", live.dataset.sessionId);
      connected = true;
      // Whatever happened while we were away is in the database: catch up now.
      if (isPhone) {
        follow(state);
      } else {
        refresh();
      }
    };
    connection.onreconnecting(() => { connected = false; });
    connection.onreconnected(() => subscribe().catch(() => {}));
    connection.onclose(() => { connected = false; });
    const start = async () => {
      try {
        await connection.start();
        await subscribe();
      } catch {
        setTimeout(start, 5000);
      }
    };
    start();
  }

  const poll = async () => {
    if (!connected) {
      try {
        const live = root();
        const response = await fetch(live.dataset.poll, { headers: { Accept: "application/json" }, cache: "no-store" });
        if (response.ok) {
          const state = await response.json();
          if (isPhone) {
            follow(state);
          } else if ([state.state, state.step, state.participants, state.answers, state.latest].join("|") !== live.dataset.signature) {
            refresh();
          }
        }
      } catch {
        // Still offline.
      }
    }
    setTimeout(poll, connected ? 15000 : 5000);
  };
  setTimeout(poll, 5000);
})();
