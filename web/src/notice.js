// The notice line under the toolbar: what the user must read now (a refused import, a damaged
// record, a deleted draft), with at most one action such as Undo.
export function createNotice(element) {
  let timer;
  const hide = () => {
    clearTimeout(timer);
    element.hidden = true;
    element.replaceChildren();
  };
  return {
    // show replaces the notice; with timeout (ms) it goes away by itself.
    show(message, { action, onAction, timeout } = {}) {
      clearTimeout(timer);
      const text = document.createElement('span');
      text.className = 'cw-notice-text';
      text.textContent = message;
      const parts = [text];
      if (action) {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = action;
        button.addEventListener('click', () => { hide(); onAction(); });
        parts.push(button);
      }
      const close = document.createElement('button');
      close.type = 'button';
      close.className = 'cw-notice-close';
      close.setAttribute('aria-label', 'Dismiss');
      close.textContent = '×';
      close.addEventListener('click', hide);
      parts.push(close);
      element.replaceChildren(...parts);
      element.hidden = false;
      if (timeout) timer = setTimeout(hide, timeout);
    },
    hide,
  };
}
