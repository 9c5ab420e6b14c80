// The status bar's save state and the page's warning banner.
export function createStatus(saveStatus, banner) {
  return {
    save(state, message) {
      saveStatus.dataset.state = state;
      saveStatus.textContent = message;
    },
    warn(message) {
      banner.textContent = message;
      banner.hidden = !message;
    },
  };
}
