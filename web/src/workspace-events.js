// The workspace's events (saved, replaced, conflict, drafts-changed) for the shell's features:
// one listener on the core hands each event to every feature that listens (app.listen).
// Until the features installed after ready are in, the events are also kept, and those
// features hear them once installed: a save made meanwhile still reaches a linked folder.
export function workspaceEvents(ws) {
  const listeners = [];
  let kept = [];
  ws.listen((event, json) => {
    kept?.push([event, json]);
    for (const fn of listeners) hand(fn, event, json);
  });
  return {
    listen(fn) { listeners.push(fn); },
    // catchUp runs install, gives the listeners it added the events kept so far, and stops
    // keeping them. Without install (the later features failed to load), it only stops.
    catchUp(install = () => {}) {
      const from = listeners.length;
      try {
        install();
      } finally {
        const added = listeners.slice(from);
        for (const [event, json] of kept ?? []) for (const fn of added) hand(fn, event, json);
        kept = null;
      }
    },
  };
}

// hand calls a listener; one that throws is reported, and the others still hear the event.
function hand(fn, event, json) {
  try {
    fn(event, json);
  } catch (err) {
    reportError(err);
  }
}
