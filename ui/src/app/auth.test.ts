import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// keycloak-js stand-in: records the settings each instance was made with; init answers as
// the test says (signed in, or failing as an unreachable Keycloak would).
const made: { url: string; realm: string; clientId: string }[] = [];
let initAnswers: (() => Promise<boolean>)[] = [];
vi.mock("keycloak-js", () => ({
  default: class {
    constructor(config: { url: string; realm: string; clientId: string }) {
      made.push(config);
    }
    init() {
      const next = initAnswers.shift();
      return next ? next() : Promise.resolve(true);
    }
    login() {
      return Promise.resolve();
    }
  },
}));

const served = { keycloakUrl: "http://kc.example", realm: "clearance", clientId: "clearance-ui" };
const asMade = (c: typeof served) => ({ url: c.keycloakUrl, realm: c.realm, clientId: c.clientId });
const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  made.length = 0;
  initAnswers = [];
  sessionStorage.clear();
  fetchMock.mockReset();
  fetchMock.mockImplementation(() => Promise.resolve(Response.json(served)));
  vi.stubGlobal("fetch", fetchMock);
  vi.resetModules();
});

afterEach(() => vi.unstubAllGlobals());

const initAuth = async () => (await import("./auth")).initAuth();

describe("sign-in settings", () => {
  it("asks the server the first time and keeps the answer for the tab", async () => {
    await initAuth();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(made).toEqual([asMade(served)]);
    expect(JSON.parse(sessionStorage.getItem("clearance.ui-config")!)).toEqual(served);
  });

  it("coming back from the login page, signs in with the kept settings without asking", async () => {
    sessionStorage.setItem("clearance.ui-config", JSON.stringify(served));
    await initAuth();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(made).toEqual([asMade(served)]);
  });

  it("asks again once when the kept settings no longer work", async () => {
    const stale = { ...served, keycloakUrl: "http://old-kc.example" };
    sessionStorage.setItem("clearance.ui-config", JSON.stringify(stale));
    initAnswers = [() => Promise.reject(new Error("unreachable"))];
    await initAuth();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(made).toEqual([asMade(stale), asMade(served)]);
    expect(JSON.parse(sessionStorage.getItem("clearance.ui-config")!)).toEqual(served);
  });

  it("ignores kept settings that are incomplete", async () => {
    sessionStorage.setItem("clearance.ui-config", JSON.stringify({ realm: "clearance" }));
    await initAuth();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(made).toEqual([asMade(served)]);
  });

  it("says so when the server's settings cannot be loaded, and keeps nothing", async () => {
    fetchMock.mockImplementation(() => Promise.resolve(new Response("", { status: 503 })));
    await expect(initAuth()).rejects.toThrow("The sign-in settings could not be loaded (503).");
    expect(sessionStorage.getItem("clearance.ui-config")).toBeNull();
    expect(made).toEqual([]);
  });
});
