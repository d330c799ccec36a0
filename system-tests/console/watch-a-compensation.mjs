// Drives the orchestrator's Hawtio in headless Chromium as an operator would: log in, connect to a
// service from the Connect tab, open one of its routes, note its completed exchanges, place an
// order that fails so that the route compensates, and wait until the console shows the count
// moved. Prints one JSON object (the counts and the order's answer); ConsoleSystemIT asserts on it.
//
// Environment: CONSOLE_URL (the orchestrator), CONSOLE_USER, CONSOLE_PASSWORD, SERVICE, ROUTE,
// ORDER_BODY, SIMULATE_FAILURE, SCREENSHOT (a PNG written at the end, or on failure).
import { chromium } from "playwright-core";

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const consoleUrl = env("CONSOLE_URL");
const user = env("CONSOLE_USER");
const password = env("CONSOLE_PASSWORD");
const service = env("SERVICE");
const route = env("ROUTE");
const screenshot = env("SCREENSHOT");
// Hawtio loads slowly on two busy cores; its Jolokia polls every 5 s.
const patience = 90_000;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  // Without the background-networking flags Chromium keeps dialling out of a closed network.
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
context.setDefaultTimeout(patience);
let current = await context.newPage();
try {
  // The orchestrator's console login (Spring Security's form).
  await current.goto(`${consoleUrl}/actuator/hawtio/`);
  await current.fill("input[name=username]", user);
  await current.fill("input[name=password]", password);
  await current.click("button[type=submit]");

  // The Connect tab lists the service, ready; Connect opens it in a window of its own.
  await current.goto(`${consoleUrl}/actuator/hawtio/connect/remote`);
  const row = current.getByRole("listitem").filter({ hasText: service });
  const [remote] = await Promise.all([
    context.waitForEvent("page"),
    row.getByRole("button", { name: "Connect" }).click(),
  ]);
  current = remote;

  // The service's own management login, asked by Hawtio for the remote connection.
  await current.getByLabel("Username").fill(user);
  await current.getByLabel("Password").fill(password);
  await current.getByRole("button", { name: "Log in" }).click();
  await current.getByRole("link", { name: "Camel" }).click();
  await current.getByText(route, { exact: true }).first().click();
  await current.getByText("Attributes", { exact: true }).click();

  const completed = () => attribute(current, "ExchangesCompleted");
  const before = await completed();

  const order = await fetch(`${consoleUrl}/api/orders`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-Simulate-Failure": env("SIMULATE_FAILURE"),
    },
    body: env("ORDER_BODY"),
  });
  const answer = { status: order.status, body: await order.json() };

  const deadline = Date.now() + patience;
  let after = before;
  while (after === before && Date.now() < deadline) {
    await current.waitForTimeout(500); // the table refreshes on Jolokia's poll
    after = await completed();
  }
  await current.screenshot({ path: screenshot });
  console.log(JSON.stringify({ before, after, order: answer }));
} catch (error) {
  await current.screenshot({ path: screenshot }).catch(() => {});
  throw error;
} finally {
  await browser.close();
}

/** The value of one attribute in the Attributes table of the selected MBean, as a number. */
async function attribute(page, name) {
  const row = page.getByRole("row").filter({ hasText: name }).first();
  const text = await row.innerText();
  const value = text.split(/\s+/).pop();
  if (!/^\d+$/.test(value)) throw new Error(`${name}: not a count: ${text}`);
  return Number(value);
}
