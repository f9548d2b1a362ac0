// Forms: answers that are never lost (drafts, an offline queue, idempotency keys) and one submission per tap.
import { swapIn } from "./page.js";
import { say } from "./text.js";

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

/** Sends the answer waiting in local storage, if any, and retries every 5 s while offline or the server is busy. */
export const sendPending = async () => {
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

/** The answer form goes through the queue; every other form gets one submission per tap. */
export const enhanceForms = (scope) => {
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
};
