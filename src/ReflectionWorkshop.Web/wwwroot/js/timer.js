// Countdowns for a running step timer; the end time comes from the server, so every screen agrees.
import { say } from "./text.js";

const tick = () => {
  for (const timer of document.querySelectorAll("[data-timer]")) {
    const left = Math.round((Date.parse(timer.dataset.timer) - Date.now()) / 1000);
    timer.textContent = left > 0
      ? say("TimeLeft", { time: `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}` })
      : say("TimeUp");
    timer.classList.toggle("time-up", left <= 0);
  }
};

/** Shows every timer on the page now and once a second from then on (timers swapped in included). */
export const startTimers = () => {
  tick();
  setInterval(tick, 1000);
};
