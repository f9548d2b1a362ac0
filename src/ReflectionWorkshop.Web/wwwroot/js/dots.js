// Dot votes: − and + buttons beside each number field, and a count of the dots still to place.
import { number, say } from "./text.js";

export const enhanceDots = (scope) => {
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
};
