// The live part of a page ([data-live]): finding it, swapping a fresh copy in, and whether words were typed into it.

/** The live part of the page, or null on a page that has none. */
export const root = () => document.querySelector("[data-live]");

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

/** Whether anything was typed or chosen since the page (or its live part) loaded. */
export const hasTyped = () => typed;

/** Whether words were typed (or a choice made) since the page (or its live part) loaded. */
export const hasTypedWords = () => typedWords;

// What runs on a freshly swapped-in part (the entry module registers the page's enhancements).
const swapped = [];

/** Runs callback(part) on every live part swapped in from now on. */
export const onSwap = (callback) => { swapped.push(callback); };

/**
 * Puts the live part of a freshly fetched page in place of the current one, keeping open panels and focus.
 * prepare(fresh, current), when given, finishes the fresh part first (the room's view of a step gets this phone's own bits).
 */
export const swapIn = (html, prepare) => {
  const fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-live]");
  const current = root();
  if (!fresh || !current) {
    return false;
  }
  prepare?.(fresh, current);
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
  for (const callback of swapped) {
    callback(adopted);
  }
  return true;
};
