// Progressive enhancements, the entry module: every page works without them (forms post, pages render on the server).
import { enhanceForms, sendPending } from "./answers.js";
import { enhanceBoard } from "./board.js";
import { enhanceCounters } from "./counters.js";
import { enhanceDots } from "./dots.js";
import { enhanceRefresh, startLive } from "./live.js";
import { onSwap } from "./page.js";
import { enhancePrint } from "./print.js";
import { startTimers } from "./timer.js";

// The enhancements for a page, or for a live part swapped in.
const enhance = (scope) => {
  enhanceForms(scope);
  enhanceCounters(scope);
  enhanceBoard(scope);
  enhanceRefresh(scope);
  enhancePrint(scope);
  enhanceDots(scope);
  // After a refused answer, take the reader to the list of what to fix.
  scope.querySelector("[data-focus-on-load]")?.focus();
};

onSwap(enhance);
enhance(document);
sendPending();
startTimers();
startLive();
