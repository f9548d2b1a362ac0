// Progressive enhancements. Every page works without them: forms post, pages render on the server.
(() => {
  "use strict";

  // The sentences this script writes come from the server in the page's language (Resources/Shared, "Js.*").
  const lang = document.documentElement.lang || undefined;
  const texts = (() => { try { return JSON.parse(document.body.dataset.text ?? "{}"); } catch { return {}; } })();
  const number = (n) => n.toLocaleString(lang);
  const say = (key, values = {}) => (texts[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => values[name] ?? "");

  const root = () => document.querySelector("[data-live]");
  let typed = false;
  // Words typed into a field, or a choice not yet sent: a live refresh would throw them away, so watch
  // pages that can say so (a [data-stale] notice) wait and say so.
  let typedWords = false;
  document.addEventListener("input", (event) => {
    typed = true;
    if (event.target.matches?.("textarea, select, input:not([type]), input[type=text], input[type=search]")) {
      typedWords = true;
    }
  });

  // Puts the live part of a freshly fetched page in place of the current one, keeping open panels and focus.
  const swapIn = (html) => {
    const fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-live]");
    const current = root();
    if (!fresh || !current) {
      return false;
    }
    const open = [...current.querySelectorAll("details[open][id]")].map((d) => d.id);
    // A confirmation ("Theme added") was shown once by the server; a refresh must not make it vanish.
    const flash = current.querySelector("[data-flash]");
    const focused = document.activeElement?.id;
    const adopted = document.adoptNode(fresh);
    if (flash && !adopted.querySelector("[data-flash]")) {
      adopted.querySelector("h1")?.after(flash);
    }
    current.replaceWith(adopted);
    for (const id of open) {
      document.getElementById(id)?.setAttribute("open", "");
    }
    if (focused) {
      document.getElementById(focused)?.focus({ preventScroll: true });
    }
    typed = false;
    typedWords = false;
    enhance(adopted);
    return true;
  };

  // ---- Answers that are never lost -------------------------------------------------------------
  // A phone keeps what is being typed (a draft) and what was sent but not yet confirmed (pending) in
  // local storage. Each submission carries an idempotency key, so a retry after a lost reply is
  // recognised by the server as already saved instead of saved twice.
  const store = window.localStorage;
  const pendingKey = () => `rw-pending:${window.location.pathname}`;
  const draftKey = (form) => `rw-draft:${window.location.pathname}:${form.elements["Input.Step"]?.value}`;
  const newKey = () => [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join("");
  const read = (key) => { try { return JSON.parse(store.getItem(key) ?? "null"); } catch { return null; } };

  const status = (text, kind) => {
    const element = document.querySelector("[data-save-status]");
    if (element) {
      element.textContent = text;
      element.dataset.kind = kind;
      element.hidden = false;
    }
  };

  let sending = false;
  const sendPending = async () => {
    const pending = read(pendingKey());
    if (!pending || sending) {
      return;
    }
    sending = true;
    status(say("Saving"), "saving");
    try {
      // The header asks for the answer page itself rather than a redirect to it: one request instead of two.
      const response = await fetch(pending.action, {
        method: "POST",
        body: new URLSearchParams(pending.fields),
        credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" },
      });
      if (response.status === 429 || response.status >= 500) {
        status(say("Busy"), "offline");
        setTimeout(sendPending, 5000);
        return;
      }
      store.removeItem(pendingKey());
      store.removeItem(pending.draft);
      if (!swapIn(await response.text())) {
        window.location.replace(window.location.pathname);
      }
    } catch {
      status(say("Offline"), "offline");
      setTimeout(sendPending, 5000);
    } finally {
      sending = false;
    }
  };
  window.addEventListener("online", sendPending);

  const enhanceAnswerForm = (form) => {
    const draft = draftKey(form);
    const saved = read(draft);
    if (saved && !form.querySelector("[aria-invalid=true]")) {
      for (const [name, value] of saved) {
        const field = form.elements[name];
        if (field && (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) && field.type !== "hidden" && !field.value) {
          field.value = value;
        }
      }
    }
    form.addEventListener("input", () => {
      const fields = [...new FormData(form)].filter(([name]) => name.startsWith("Input.") && name !== "Input.Key");
      store.setItem(draft, JSON.stringify(fields));
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (read(pendingKey())) {
        return; // one submission at a time: a double tap sends nothing more
      }
      form.elements["Input.Key"].value ||= newKey();
      store.setItem(pendingKey(), JSON.stringify({ action: form.action, fields: [...new FormData(form)], draft }));
      sendPending();
    });
  };

  // ---- Enhancements for a page, or for a part swapped in -----------------------------------------
  const enhance = (scope) => {
    for (const form of scope.querySelectorAll("form")) {
      if (form.matches("[data-answer-form]")) {
        enhanceAnswerForm(form);
        continue;
      }
      // One tap, one submission: a second tap while the first is on its way does nothing.
      form.addEventListener("submit", (event) => {
        if (form.dataset.submitting === "true") {
          event.preventDefault();
          return;
        }
        form.dataset.submitting = "true";
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
          ? say("CharactersLeft", { left: number(left) })
          : say("CharactersOver", { over: number(-left), limit: number(limit) });
        counter.classList.toggle("field-error", left < 0);
      };
      field.addEventListener("input", update);
      update();
    }

    // Theme board: drag a card onto a theme to move it. The drop submits the card's own "Move to"
    // form, so dragging and the keyboard/touch way save through the same, checked, path.
    for (const card of scope.querySelectorAll("[data-card][draggable=true]")) {
      card.addEventListener("dragstart", (event) => {
        event.dataTransfer.setData("text/plain", card.dataset.card);
        event.dataTransfer.effectAllowed = "move";
      });
    }
    for (const zone of scope.querySelectorAll("[data-drop]")) {
      zone.addEventListener("dragover", (event) => {
        event.preventDefault();
        zone.classList.add("drop-target");
      });
      zone.addEventListener("dragleave", () => zone.classList.remove("drop-target"));
      zone.addEventListener("drop", (event) => {
        event.preventDefault();
        zone.classList.remove("drop-target");
        const key = event.dataTransfer.getData("text/plain");
        const form = [...document.querySelectorAll("[data-card]")].find((c) => c.dataset.card === key)?.querySelector("form.move-form");
        if (form && form.elements.to.value !== zone.dataset.drop) {
          form.elements.to.value = zone.dataset.drop;
          form.requestSubmit();
        }
      });
    }
    scope.querySelector("[data-refresh]")?.addEventListener("click", () => refresh());
    for (const button of scope.querySelectorAll("[data-print]")) {
      button.hidden = false;
      button.addEventListener("click", () => window.print());
    }

    // Dot votes: − and + buttons beside each number field, and a count of the dots still to place.
    for (const ballot of scope.querySelectorAll("[data-dots]")) {
      const total = Number(ballot.dataset.dots);
      const fields = [...ballot.querySelectorAll("input[type=number]")];
      const left = ballot.querySelector("[data-dots-left]");
      const update = () => {
        const placed = fields.reduce((sum, f) => sum + (Number(f.value) || 0), 0);
        const remaining = total - placed;
        left.textContent = remaining >= 0
          ? say(total === 1 ? "DotLeft" : "DotsLeft", { left: number(remaining), total: number(total) })
          : say(remaining === -1 ? "OneTooMany" : "TooMany", { over: number(-remaining) });
        left.classList.toggle("field-error", remaining < 0);
        for (const button of ballot.querySelectorAll("[data-step-by]")) {
          const field = document.getElementById(button.dataset.for);
          button.disabled = Number(button.dataset.stepBy) > 0 ? remaining <= 0 : (Number(field.value) || 0) <= 0;
        }
      };
      for (const button of ballot.querySelectorAll("[data-step-by]")) {
        button.hidden = false;
        button.addEventListener("click", () => {
          const field = document.getElementById(button.dataset.for);
          field.value = Math.max(0, (Number(field.value) || 0) + Number(button.dataset.stepBy));
          field.dispatchEvent(new Event("input", { bubbles: true }));
        });
      }
      ballot.addEventListener("input", update);
      update();
    }

    // After a refused answer, take the reader to the list of what to fix.
    scope.querySelector("[data-focus-on-load]")?.focus();
  };
  enhance(document);
  sendPending();

  // Countdowns for a running step timer; the end time comes from the server, so every screen agrees.
  const tick = () => {
    for (const timer of document.querySelectorAll("[data-timer]")) {
      const left = Math.round((Date.parse(timer.dataset.timer) - Date.now()) / 1000);
      timer.textContent = left > 0
        ? say("TimeLeft", { time: `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}` })
        : say("TimeUp");
      timer.classList.toggle("time-up", left <= 0);
    }
  };
  tick();
  setInterval(tick, 1000);

  // ---- Live pages ----------------------------------------------------------------------------------
  // A phone follows the room, a facilitator's page follows its session. SignalR carries only signals;
  // on a change the page re-reads itself and swaps in the fresh part, so nothing is shown that the page
  // itself would not show. If the live connection is down, a slow poll stands in.
  if (!root()) {
    return;
  }
  const isPhone = root().dataset.live === "follow";

  // Refreshes can overlap (a signal arrives while one is on its way); only the newest one is swapped in,
  // so an older copy of the page never replaces a newer one.
  let latestRefresh = 0;
  const refresh = async () => {
    const mine = ++latestRefresh;
    try {
      // The header tells the server this is a live re-read, which must not use up a one-time message (LiveRefreshKeepsMessages).
      const response = await fetch(window.location.pathname + window.location.search, { cache: "no-store", headers: { "X-Live-Refresh": "1" } });
      const html = response.ok && !response.redirected ? await response.text() : null;
      if (mine !== latestRefresh) {
        return;
      }
      if (html === null || !swapIn(html)) {
        window.location.replace(window.location.pathname);
      }
    } catch {
      // Offline for a moment: the next signal or poll tries again.
    }
  };

  // A facilitator's page refreshes on every change, unless words are being typed into it: then it
  // says the page is out of date and refreshes when asked (or when the form is sent).
  const typingHere = () => {
    const stale = root().querySelector("[data-stale]");
    if (typedWords && stale) {
      stale.hidden = false;
      return true;
    }
    return false;
  };

  // In a big room signals come faster than a page can be read (a thousand answers in a second). A watched
  // page reads itself one read at a time: at most every quarter second, and after each read it waits as long
  // as that read took, so a heavy page never keeps the server busy more than half the time. The signals that
  // arrive meanwhile are folded into one more read, so the newest state still shows.
  const readGap = 250;
  let reading = false;
  let changedAgain = false;
  let lastStart = -Infinity;
  let lastEnd = -Infinity;
  let lastTook = 0;
  const refreshWatched = async () => {
    if (reading) {
      changedAgain = true;
      return;
    }
    reading = true;
    try {
      do {
        const wait = Math.max(lastStart + readGap, lastEnd + lastTook) - performance.now();
        if (wait > 0) {
          await new Promise((resolve) => setTimeout(resolve, wait));
        }
        changedAgain = false;
        if (typingHere()) {
          return;
        }
        lastStart = performance.now();
        await refresh();
        lastEnd = performance.now();
        lastTook = lastEnd - lastStart;
      } while (changedAgain);
    } finally {
      reading = false;
    }
  };

  // A phone moves only when the room did; if the person is typing, it asks instead of throwing words away.
  // (What they typed is also kept as a draft, and put back if the same step comes back.)
  const follow = (state) => {
    const current = root();
    if (state.state === "Removed") {
      refresh();
      return;
    }
    if (state.state === current.dataset.state && String(state.step) === current.dataset.step) {
      if (String(state.locked) !== current.dataset.locked || String(state.ballots ?? 0) !== (current.dataset.ballots ?? "0")
        || String(state.sorting ?? -1) !== (current.dataset.sorting ?? "-1")) {
        refresh();
      } else if ((state.timerEndsAt ?? "") !== (current.querySelector("[data-timer]")?.dataset.timer ?? "")) {
        refresh();
      }
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
    connection.on("changed", () => refreshWatched());
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
    connection.onreconnected(() => { subscribe().catch(() => {}); sendPending(); });
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
          } else if (state.signature !== live.dataset.signature) {
            refreshWatched();
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
