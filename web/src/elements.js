// The few elements the shell's panels and dialogs build again and again.

// button makes a plain button (never a form submit), calling onClick when pressed if given.
export function button(label, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  if (onClick) b.addEventListener('click', onClick);
  return b;
}

// modalDialog makes a dialog of kind (its class cw-KIND) named by its heading, and adds it to
// the app's dialog host; the caller fills it after the heading.
export function modalDialog(app, kind, title) {
  const dialog = document.createElement('dialog');
  dialog.className = `cw-dialog cw-${kind}`;
  dialog.setAttribute('aria-labelledby', `cw-${kind}-title`);
  const heading = document.createElement('h2');
  heading.id = `cw-${kind}-title`;
  heading.textContent = title;
  dialog.append(heading);
  app.dialogHost.append(dialog);
  return { dialog, heading };
}

// dialogActions makes a dialog's row of buttons, laid out at its foot.
export function dialogActions(...buttons) {
  const actions = document.createElement('div');
  actions.className = 'cw-dialog-actions';
  actions.append(...buttons);
  return actions;
}
