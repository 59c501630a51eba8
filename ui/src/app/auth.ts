// Sign-in with keycloak-js on the realm's public clearance-ui client: authorization code flow
// with PKCE (S256), tokens kept in memory only, refreshed silently before they expire.
import Keycloak from "keycloak-js";
import { configureClient } from "../api/client";

export interface UiConfig {
  keycloakUrl: string;
  realm: string;
  clientId: string;
}

type SessionListener = (state: SessionState) => void;
export type SessionState = "active" | "ended";

let keycloak: Keycloak | null = null;
let state: SessionState = "active";
const listeners = new Set<SessionListener>();

function setState(next: SessionState) {
  if (state === next) return;
  state = next;
  listeners.forEach((l) => l(next));
}

export function onSessionChange(listener: SessionListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function sessionState(): SessionState {
  return state;
}

/** Signs in (redirecting to the Keycloak login page when needed) and wires the API client. */
export async function initAuth(): Promise<Keycloak> {
  const cached = cachedConfig();
  try {
    return await signInWith(cached ?? (await loadConfig()));
  } catch (e) {
    if (!cached) throw e;
    // the settings kept from before the login page may have changed since: ask again, once
    sessionStorage.removeItem(CONFIG_KEY);
    return signInWith(await loadConfig());
  }
}

// The sign-in settings are kept for the tab's session: coming back from Keycloak's login page,
// the app then exchanges its code at once instead of first asking the server for them again.
const CONFIG_KEY = "clearance.ui-config";

function cachedConfig(): UiConfig | null {
  try {
    const config: unknown = JSON.parse(sessionStorage.getItem(CONFIG_KEY) ?? "null");
    return isUiConfig(config) ? config : null;
  } catch {
    return null;
  }
}

function isUiConfig(value: unknown): value is UiConfig {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return [v.keycloakUrl, v.realm, v.clientId].every((x) => typeof x === "string" && x !== "");
}

async function loadConfig(): Promise<UiConfig> {
  const response = await fetch("/api/ui-config", { headers: { Accept: "application/json" } });
  if (!response.ok)
    throw new Error(`The sign-in settings could not be loaded (${response.status}).`);
  const config: unknown = await response.json();
  if (!isUiConfig(config)) throw new Error("The sign-in settings are incomplete.");
  try {
    sessionStorage.setItem(CONFIG_KEY, JSON.stringify(config));
  } catch {
    // storage full or disabled: the settings are asked for on every load instead
  }
  return config;
}

async function signInWith(config: UiConfig): Promise<Keycloak> {
  const kc = new Keycloak({
    url: config.keycloakUrl,
    realm: config.realm,
    clientId: config.clientId,
  });
  // Tokens are refreshed silently when a call needs one (freshToken), not on a timer: a timer
  // would keep an idle user's session alive for ever and defeat the realm's idle timeout.
  kc.onAuthRefreshError = () => setState("ended");
  kc.onAuthLogout = () => setState("ended");
  // check-sso, then an explicit login: with onLoad "login-required" keycloak-js redirects to the
  // login page by itself whenever a refresh fails, so a user whose session ended would lose the
  // screen without being told; SessionWatcher says so and lets them sign in again instead.
  const authenticated = await kc.init({
    onLoad: "check-sso",
    pkceMethod: "S256",
    checkLoginIframe: false,
    responseMode: "fragment",
  });
  if (!authenticated) {
    await kc.login({ redirectUri: window.location.href });
    // the browser is on its way to the login page
    return new Promise<Keycloak>(() => {});
  }
  keycloak = kc;
  configureClient(freshToken, () => setState("ended"));
  return kc;
}

let lastActivity = Date.now();
for (const event of ["pointerdown", "keydown", "wheel", "touchstart"]) {
  window.addEventListener(event, () => (lastActivity = Date.now()), {
    passive: true,
    capture: true,
  });
}
/** Background polls stop once the user has done nothing for this long. */
export const IDLE_AFTER_MS = 5 * 60 * 1000;

/** True when the user has not touched the app for a while: polling then stops, so the session can end. */
export function isIdle(): boolean {
  return Date.now() - lastActivity > IDLE_AFTER_MS;
}

/** A refetch interval that pauses while the user is idle. */
export function whileActive(ms: number): () => number | false {
  return () => (isIdle() ? false : ms);
}

/** A token valid for at least 30 more seconds, refreshed if needed; undefined once ended. */
export async function freshToken(): Promise<string | undefined> {
  const kc = keycloak;
  if (!kc) return undefined;
  try {
    await kc.updateToken(30);
    return kc.token;
  } catch {
    setState("ended");
    return undefined;
  }
}

/** Extends the session now (the user said "stay signed in"); false if it had already ended. */
export async function extendSession(): Promise<boolean> {
  const kc = keycloak;
  if (!kc) return false;
  try {
    await kc.updateToken(-1);
    setState("active");
    return true;
  } catch {
    setState("ended");
    return false;
  }
}

/** Milliseconds until the Keycloak session ends if nothing refreshes it. */
export function sessionTimeLeft(): number | null {
  const kc = keycloak;
  const exp = kc?.refreshTokenParsed?.exp;
  if (!kc || !exp) return null;
  return exp * 1000 - Date.now() + (kc.timeSkew ?? 0) * 1000;
}

export function signIn(): Promise<void> {
  return keycloak ? keycloak.login({ redirectUri: window.location.href }) : Promise.resolve();
}

export function signOut(): Promise<void> {
  return keycloak
    ? keycloak.logout({ redirectUri: window.location.origin + "/" })
    : Promise.resolve();
}

export function tokenRoles(): string[] {
  return keycloak?.tokenParsed?.realm_access?.roles ?? [];
}
