// Theme board: drag a card onto a theme to move it.

// The drop submits the card's own "Move to" form, so dragging and the keyboard/touch way save through
// the same, checked, path.
export const enhanceBoard = (scope) => {
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
};
