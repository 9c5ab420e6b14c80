// Times the drafts store through window.casewright.drafts: saving a large draft, and listing
// many drafts once count of them exist. Durations in milliseconds.
window.__cwTimeSave = async (text, runs) => {
  const drafts = window.casewright.drafts;
  const draft = await drafts.create({ title: 'Benchmark save', text });
  const times = [];
  for (let i = 0; i < runs; i++) {
    const next = `${text}\n${i}\n`; // a new text each time, as typing makes
    const start = performance.now();
    await drafts.save(draft.id, next);
    times.push(performance.now() - start);
  }
  return times;
};

window.__cwTimeList = async (count, runs) => {
  const drafts = window.casewright.drafts;
  const have = (await drafts.list()).length;
  for (let i = have; i < count; i++) {
    await drafts.create({ title: `Draft ${i}`, text: `# Draft ${i} Architecture\n\n## At a Glance\n\nText ${i}.\n` });
  }
  const times = [];
  let listed = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    listed = (await drafts.list()).length;
    times.push(performance.now() - start);
  }
  return { times, listed };
};
