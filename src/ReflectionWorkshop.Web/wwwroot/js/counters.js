// Live character counts for fields with a limit; the server still checks, and keeps the text if over.
import { number, say } from "./text.js";

export const enhanceCounters = (scope) => {
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
};
