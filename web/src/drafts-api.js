// window.casewright.drafts: the core's JSON-speaking drafts functions as promised objects.
export function draftsAPI(drafts) {
  const parsed = (promise) => promise.then((json) => JSON.parse(json));
  return {
    list: () => parsed(drafts.list()),
    get: (id) => parsed(drafts.get(String(id))),
    create: ({ title = '', text = '' } = {}) => parsed(drafts.create(String(title), String(text))),
    save: (id, text) => parsed(drafts.save(String(id), String(text))),
    remove: (id) => drafts.remove(String(id)).then(() => undefined),
  };
}
