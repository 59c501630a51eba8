// Every screen of the app, in one place: its path, who may open it, and its navigation entry.
// Screens load lazily, so the first route only downloads the shell and its own code.
// To add a screen: add an entry here (ui-staff: dashboard, admin and manager screens slot in
// with nav.group "Manage" / "Administer").
import { lazy, useState, type ComponentType } from "react";
import { matchPath } from "react-router";
import type { QueryClient } from "@tanstack/react-query";
import { hasAny, type Role } from "./roles";
import { warmDashboard } from "../features/dashboard/dashboardQuery";

export interface NavEntry {
  label: string;
  /** Entries with the same group are listed together under that heading. */
  group: "Work" | "Manage" | "Administer";
  order: number;
}

type ScreenModule = Promise<{ default: ComponentType }>;

export interface AppRoute {
  path: string;
  component: ComponentType;
  /** Loads the screen's code (what component waits for); safe to call early and often. */
  load: () => ScreenModule;
  /** Starts fetching what the screen shows at this URL, before its code has arrived. */
  warmUp?: (client: QueryClient, search: string) => void;
  /** Who may open the screen; everyone signed in when left out. */
  roles?: Role[];
  nav?: NavEntry;
  /** The document title while this screen is shown. */
  title: string;
}

/**
 * A lazily loaded screen whose code can also be fetched ahead of its first render. Once the code
 * is here the screen renders at once, without suspending: React holds back what a Suspense
 * boundary reveals after its fallback showed (about 300 ms), which the landing screen would
 * otherwise pay even when its code had arrived in time.
 */
function screen(importer: () => ScreenModule) {
  let loading: ScreenModule | null = null;
  let loaded: ComponentType | null = null;
  const load = () =>
    (loading ??= importer().then(
      (module) => {
        loaded = module.default;
        return module;
      },
      (e: unknown) => {
        loading = null; // a later attempt may succeed
        throw e;
      },
    ));
  const Lazy = lazy(load);
  function Screen() {
    // chosen once per mount, so a screen that mounted lazily is not swapped (and reset) later
    const [Component] = useState<ComponentType>(() => loaded ?? Lazy);
    return <Component />;
  }
  return { load, component: Screen };
}

const MyApplications = screen(() => import("../features/cases/MyApplications"));
const NewApplication = screen(() => import("../features/cases/NewApplication"));
const ApplicationWizard = screen(() => import("../features/cases/ApplicationWizard"));
const CasePage = screen(() => import("../features/cases/CasePage"));
const Inbox = screen(() => import("../features/tasks/Inbox"));
const TaskPage = screen(() => import("../features/tasks/TaskPage"));
const SearchPage = screen(() => import("../features/cases/SearchPage"));
const NotificationsPage = screen(() => import("../components/NotificationsPage"));
const DashboardPage = screen(() => import("../features/dashboard/DashboardPage"));
const HeatmapPage = screen(() => import("../features/dashboard/HeatmapPage"));
const CaseListPage = screen(() => import("../features/dashboard/CaseListPage"));
const EscalationsPage = screen(() => import("../features/manage/EscalationsPage"));
const WorkQueuePage = screen(() => import("../features/manage/WorkQueuePage"));
const ManageCasePage = screen(() => import("../features/manage/ManageCasePage"));
const CountryGroupsPage = screen(() => import("../features/admin/CountryGroupsPage"));
const ScreenNamePage = screen(() => import("../features/screening/ScreenNamePage"));
const AuditCheckPage = screen(() => import("../features/admin/AuditCheckPage"));

export const routes: AppRoute[] = [
  {
    path: "/applications",
    ...MyApplications,
    roles: ["applicant"],
    nav: { label: "My applications", group: "Work", order: 10 },
    title: "My applications",
  },
  {
    path: "/applications/new",
    ...NewApplication,
    roles: ["applicant"],
    nav: { label: "New application", group: "Work", order: 20 },
    title: "New application",
  },
  {
    path: "/applications/:id/edit/:section?",
    ...ApplicationWizard,
    roles: ["applicant"],
    title: "Application",
  },
  {
    path: "/inbox",
    ...Inbox,
    roles: ["auditor", "legal", "approver", "manager"],
    nav: { label: "Inbox", group: "Work", order: 30 },
    title: "Inbox",
  },
  {
    path: "/tasks/:id",
    ...TaskPage,
    roles: ["auditor", "legal", "approver", "manager"],
    title: "Task",
  },
  { path: "/cases/:id", ...CasePage, title: "Case" },
  {
    path: "/search",
    ...SearchPage,
    roles: ["applicant", "auditor", "legal", "approver", "manager"],
    title: "Search",
  },
  {
    path: "/manage/dashboard",
    ...DashboardPage,
    warmUp: warmDashboard,
    roles: ["manager"],
    nav: { label: "SLA dashboard", group: "Manage", order: 10 },
    title: "SLA dashboard",
  },
  {
    path: "/manage/heatmap",
    ...HeatmapPage,
    roles: ["manager"],
    nav: { label: "Process heat map", group: "Manage", order: 20 },
    title: "Process heat map",
  },
  {
    path: "/cases",
    ...CaseListPage,
    roles: ["auditor", "legal", "approver", "manager"],
    nav: { label: "All cases", group: "Manage", order: 30 },
    title: "Cases",
  },
  {
    path: "/manage/escalations",
    ...EscalationsPage,
    roles: ["manager"],
    nav: { label: "Escalations", group: "Manage", order: 40 },
    title: "Escalations",
  },
  {
    path: "/manage/work",
    ...WorkQueuePage,
    roles: ["manager"],
    nav: { label: "Open work & countersign", group: "Manage", order: 50 },
    title: "Open work",
  },
  {
    path: "/manage/cases/:id",
    ...ManageCasePage,
    roles: ["manager"],
    title: "Manage case",
  },
  {
    path: "/admin/country-groups",
    ...CountryGroupsPage,
    roles: ["admin"],
    nav: { label: "Country groups", group: "Administer", order: 10 },
    title: "Country groups",
  },
  {
    path: "/admin/audit",
    ...AuditCheckPage,
    roles: ["admin", "manager"],
    nav: { label: "Audit trail check", group: "Administer", order: 20 },
    title: "Audit trail check",
  },
  {
    path: "/screening",
    ...ScreenNamePage,
    roles: ["auditor", "legal", "approver", "manager", "admin"],
    nav: { label: "Screen a name", group: "Work", order: 40 },
    title: "Screen a name",
  },
  {
    path: "/notifications",
    ...NotificationsPage,
    nav: { label: "Notifications", group: "Work", order: 90 },
    title: "Notifications",
  },
];

/**
 * Where "/" leads: the first entry whose role the user holds. Managers and admins get their
 * own home screens from the dashboard/admin features.
 */
export const HOME_BY_ROLE: { role: Role; path: string }[] = [
  { role: "applicant", path: "/applications" },
  { role: "auditor", path: "/inbox" },
  { role: "legal", path: "/inbox" },
  { role: "approver", path: "/inbox" },
  { role: "manager", path: "/manage/dashboard" },
  { role: "admin", path: "/admin/country-groups" },
];

export function homeFor(roles: readonly string[]): string {
  return HOME_BY_ROLE.find((h) => roles.includes(h.role))?.path ?? "/search";
}

/**
 * Called once the token is known, before anything renders: puts the user's home screen in the
 * address bar when they opened "/" (no redirect once the app is up), and starts loading the
 * landing screen's code and data together, instead of one after the other (code, then the
 * screen's query, then its charts). Resolves, never rejects, once the screen's code is here.
 */
export function warmUpLanding(client: QueryClient, roles: readonly string[]): Promise<void> {
  if (window.location.pathname === "/") {
    window.history.replaceState(
      window.history.state,
      "",
      homeFor(roles) + window.location.search + window.location.hash,
    );
  }
  const route = routes.find((r) => matchPath(r.path, window.location.pathname));
  if (!route || !hasAny(roles, route.roles)) return Promise.resolve();
  route.warmUp?.(client, window.location.search);
  return route.load().then(
    () => {},
    () => {}, // rendering the screen loads it again and reports the failure
  );
}
