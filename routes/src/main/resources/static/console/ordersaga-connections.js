// A Hawtio plugin (a module federation container, written by hand: it has no dependencies). When
// the console starts it adds the system's services (GET /console/connections) to the remote
// connections of the Connect tab, kept in localStorage as Hawtio keeps them, without connecting
// to any: the console stays on the orchestrator's own routes until the operator picks one.
window.ordersagaConnections = {
  init: function () {},
  get: function () {
    return Promise.resolve(function () {
      return { plugin: addServiceConnections };
    });
  },
};

async function addServiceConnections() {
  const answer = await fetch("/console/connections", { headers: { Accept: "application/json" } });
  if (!answer.ok) {
    console.warn("[ordersaga] no service connections:", answer.status);
    return;
  }
  const stored = JSON.parse(localStorage.getItem("connect.connections") || "{}");
  for (const service of await answer.json()) {
    const known = Object.values(stored).find((connection) => connection.name === service.name);
    // An operator's own connection of that name keeps its id; its address follows the system's.
    const id = known ? known.id : service.name;
    stored[id] = Object.assign({}, known, service, { id: id });
  }
  localStorage.setItem("connect.connections", JSON.stringify(stored));
}
