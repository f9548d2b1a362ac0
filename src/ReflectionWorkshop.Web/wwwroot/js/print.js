// Print buttons ([data-print]): hidden without scripts, shown here, and print the page.
export const enhancePrint = (scope) => {
  for (const button of scope.querySelectorAll("[data-print]")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
};
