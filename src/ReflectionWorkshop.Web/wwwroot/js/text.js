// The sentences the scripts write, from the server in the page's language (Resources/Shared, "Js.*").
const lang = document.documentElement.lang || undefined;
const texts = (() => { try { return JSON.parse(document.body.dataset.text ?? "{}"); } catch { return {}; } })();

/** A number written the way the page's language writes it. */
export const number = (n) => n.toLocaleString(lang);

/** The sentence named key, with its {placeholders} filled from values; the key itself if the page has no such sentence. */
export const say = (key, values = {}) => (texts[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => values[name] ?? "");
