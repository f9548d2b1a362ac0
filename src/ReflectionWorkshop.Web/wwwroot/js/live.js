// Live pages: SignalR signals (or, while the connection is down, a slow poll) make the page re-read itself.
import { sendPending } from "./answers.js";
import { hasTyped, hasTypedWords, root, swapIn } from "./page.js";

// A phone follows the room, a facilitator's page follows its session. SignalR carries only signals;
// on a change the page re-reads itself and swaps in the fresh part, so nothing is shown that the page
// itself would not show. If the live connection is down, a slow poll stands in.

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

/** A "show the latest" button ([data-refresh]) re-reads the page when asked. */
export const enhanceRefresh = (scope) => {
  scope.querySelector("[data-refresh]")?.addEventListener("click", () => refresh());
};

// A facilitator's page refreshes on every change, unless words are being typed into it: then it
// says the page is out of date and refreshes when asked (or when the form is sent).
const typingHere = () => {
  const stale = root().querySelector("[data-stale]");
  if (hasTypedWords() && stale) {
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

// The step-change signal carries the room's view of the step, drawn once per language for every phone that has not
// answered it (ADR-016). Such a phone shows it at once, with its own bits added (the steps it answered, its
// antiforgery token in each form); a phone that answered the step, or was removed, reads its own page instead.
const takeView = (state) => {
  const current = root();
  const token = current.dataset.token;
  const answered = (current.dataset.answered ?? "").split(" ");
  if (!state.view || !token || current.dataset.removed === "true" || answered.includes(String(state.step))) {
    return false;
  }
  latestRefresh++; // a read of the page still on its way is older than this view: it must not replace it
  return swapIn(state.view, (fresh) => {
    fresh.dataset.answered = current.dataset.answered ?? "";
    fresh.dataset.token = token;
    for (const form of fresh.querySelectorAll("form[method=post]")) {
      const field = document.createElement("input");
      field.type = "hidden";
      field.name = "__RequestVerificationToken";
      field.value = token;
      form.append(field);
    }
  });
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
      || String(state.sorting ?? -1) !== (current.dataset.sorting ?? "-1")
      || (state.timerEndsAt ?? "") !== (current.querySelector("[data-timer]")?.dataset.timer ?? "")) {
      takeView(state) || refresh();
    }
    return;
  }
  const banner = current.querySelector("[data-moved-on]");
  if (hasTyped() && banner) {
    banner.hidden = false;
    return;
  }
  takeView(state) || refresh();
};

/** On a page with a live part, connects to the hub (the SignalR client, a classic script, loads first) and polls while it is down. */
export const startLive = () => {
  if (!root()) {
    return;
  }
  const isPhone = root().dataset.live === "follow";

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

  // The poll answers the watched page's signature (Live/PageSignature); the page carries the one it was
  // drawn with (data-signature). The two are compared as they are, never rebuilt here.
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
};
