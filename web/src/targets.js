// Where a panel's button points: a diagnostic of the latest update (data-diag), or, for the
// page's own problems, offsets written on the button (data-from, data-to).
export function targetRange(app, button) {
  const { diag, from, to } = button.dataset;
  if (diag !== undefined) {
    const d = app.state.diagnostics[Number(diag)];
    return d && { from: d.from, to: d.to };
  }
  if (from !== undefined) return { from: Number(from), to: Number(to ?? from) };
  return null;
}
