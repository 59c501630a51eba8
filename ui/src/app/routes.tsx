// Every screen of the app, in one place: its path, who may open it, and its navigation entry.
// Screens load lazily, so the first route only downloads the shell and its own code.
// To add a screen: add an entry here (ui-staff: dashboard, admin and manager screens slot in
// with nav.group "Manage" / "Administer").
import { lazy, type ComponentType, type LazyExoticComponent } from "react";
import type { Role } from "./roles";

export interface NavEntry {
  label: string;
  /** Entries with the same group are listed together under that heading. */
  group: "Work" | "Manage" | "Administer";
  order: number;
}

export interface AppRoute {
  path: string;
  component: LazyExoticComponent<ComponentType>;
  /** Who may open the screen; everyone signed in when left out. */
  roles?: Role[];
  nav?: NavEntry;
  /** The document title while this screen is shown. */
  title: string;
}

const MyApplications = lazy(() => import("../features/cases/MyApplications"));
const NewApplication = lazy(() => import("../features/cases/NewApplication"));
const ApplicationWizard = lazy(() => import("../features/cases/ApplicationWizard"));
const CasePage = lazy(() => import("../features/cases/CasePage"));
const Inbox = lazy(() => import("../features/tasks/Inbox"));
const TaskPage = lazy(() => import("../features/tasks/TaskPage"));
const SearchPage = lazy(() => import("../features/cases/SearchPage"));
const NotificationsPage = lazy(() => import("../components/NotificationsPage"));
const DashboardPage = lazy(() => import("../features/dashboard/DashboardPage"));
const HeatmapPage = lazy(() => import("../features/dashboard/HeatmapPage"));
const CaseListPage = lazy(() => import("../features/dashboard/CaseListPage"));
const EscalationsPage = lazy(() => import("../features/manage/EscalationsPage"));
const WorkQueuePage = lazy(() => import("../features/manage/WorkQueuePage"));
const ManageCasePage = lazy(() => import("../features/manage/ManageCasePage"));
const CountryGroupsPage = lazy(() => import("../features/admin/CountryGroupsPage"));
const AuditCheckPage = lazy(() => import("../features/admin/AuditCheckPage"));

export const routes: AppRoute[] = [
  {
    path: "/applications",
    component: MyApplications,
    roles: ["applicant"],
    nav: { label: "My applications", group: "Work", order: 10 },
    title: "My applications",
  },
  {
    path: "/applications/new",
    component: NewApplication,
    roles: ["applicant"],
    nav: { label: "New application", group: "Work", order: 20 },
    title: "New application",
  },
  {
    path: "/applications/:id/edit/:section?",
    component: ApplicationWizard,
    roles: ["applicant"],
    title: "Application",
  },
  {
    path: "/inbox",
    component: Inbox,
    roles: ["auditor", "legal", "approver", "manager"],
    nav: { label: "Inbox", group: "Work", order: 30 },
    title: "Inbox",
  },
  {
    path: "/tasks/:id",
    component: TaskPage,
    roles: ["auditor", "legal", "approver", "manager"],
    title: "Task",
  },
  { path: "/cases/:id", component: CasePage, title: "Case" },
  {
    path: "/search",
    component: SearchPage,
    roles: ["applicant", "auditor", "legal", "approver", "manager"],
    title: "Search",
  },
  {
    path: "/manage/dashboard",
    component: DashboardPage,
    roles: ["manager"],
    nav: { label: "SLA dashboard", group: "Manage", order: 10 },
    title: "SLA dashboard",
  },
  {
    path: "/manage/heatmap",
    component: HeatmapPage,
    roles: ["manager"],
    nav: { label: "Process heat map", group: "Manage", order: 20 },
    title: "Process heat map",
  },
  {
    path: "/cases",
    component: CaseListPage,
    roles: ["auditor", "legal", "approver", "manager"],
    nav: { label: "All cases", group: "Manage", order: 30 },
    title: "Cases",
  },
  {
    path: "/manage/escalations",
    component: EscalationsPage,
    roles: ["manager"],
    nav: { label: "Escalations", group: "Manage", order: 40 },
    title: "Escalations",
  },
  {
    path: "/manage/work",
    component: WorkQueuePage,
    roles: ["manager"],
    nav: { label: "Open work & countersign", group: "Manage", order: 50 },
    title: "Open work",
  },
  {
    path: "/manage/cases/:id",
    component: ManageCasePage,
    roles: ["manager"],
    title: "Manage case",
  },
  {
    path: "/admin/country-groups",
    component: CountryGroupsPage,
    roles: ["admin"],
    nav: { label: "Country groups", group: "Administer", order: 10 },
    title: "Country groups",
  },
  {
    path: "/admin/audit",
    component: AuditCheckPage,
    roles: ["admin", "manager"],
    nav: { label: "Audit trail check", group: "Administer", order: 20 },
    title: "Audit trail check",
  },
  {
    path: "/notifications",
    component: NotificationsPage,
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
