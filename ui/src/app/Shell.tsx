import { Suspense, useMemo, useRef, useState, type ReactNode } from "react";
import { NavLink, useLocation } from "react-router";
import {
  Button,
  Masthead,
  MastheadBrand,
  MastheadContent,
  MastheadLogo,
  MastheadMain,
  MastheadToggle,
  Nav,
  NavGroup,
  NavItem,
  NavList,
  Page,
  PageSidebar,
  PageSidebarBody,
  PageToggleButton,
  SkipToContent,
  Toolbar,
  ToolbarContent,
  ToolbarGroup,
  ToolbarItem,
} from "@patternfly/react-core";
import BarsIcon from "@patternfly/react-icons/dist/esm/icons/bars-icon";
import SearchIcon from "@patternfly/react-icons/dist/esm/icons/search-icon";
import SignOutAltIcon from "@patternfly/react-icons/dist/esm/icons/sign-out-alt-icon";
import { routes, type AppRoute } from "./routes";
import { hasAny, roleLabel } from "./roles";
import { useMe } from "./me";
import { signOut } from "./auth";
import { GlobalSearch } from "../components/GlobalSearch";
import { NotificationBell } from "../components/NotificationBell";
import { Loading } from "../components/States";

const GROUPS = ["Work", "Manage", "Administer"] as const;

export function Shell({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const [sidebarOpen, setSidebarOpen] = useState(true);
  // narrow windows (1280 px at 200 %) show a search toggle instead of the field (app.css)
  const [searchOpen, setSearchOpen] = useState(false);
  const searchToggle = useRef<HTMLButtonElement>(null);
  const closeSearch = () => {
    setSearchOpen(false);
    searchToggle.current?.focus();
  };
  const staff = hasAny(me.roles, ["auditor", "legal", "approver", "manager", "applicant"]);

  const groups = useMemo(() => {
    const visible = routes.filter((r) => r.nav && hasAny(me.roles, r.roles));
    return GROUPS.map((g) => ({
      group: g,
      entries: visible
        .filter((r) => r.nav!.group === g)
        .sort((a, b) => a.nav!.order - b.nav!.order) as (AppRoute & { nav: object })[],
    })).filter((g) => g.entries.length > 0);
  }, [me.roles]);

  // One row at every width: PatternFly stacks the brand above the tools below 768 px, and the
  // search, the user's roles and "Sign out" then took a third of a 400 px high window.
  const masthead = (
    <Masthead display={{ default: "inline" }} className="clearance-masthead">
      <MastheadMain>
        <MastheadToggle>
          <PageToggleButton
            isHamburgerButton
            aria-label="Show or hide the navigation"
            isSidebarOpen={sidebarOpen}
            onSidebarToggle={() => setSidebarOpen((o) => !o)}
          >
            <BarsIcon />
          </PageToggleButton>
        </MastheadToggle>
        <MastheadBrand>
          <MastheadLogo component={(props) => <NavLink {...props} to="/" />}>
            <span className="clearance-brand">Clearance</span>
          </MastheadLogo>
        </MastheadBrand>
      </MastheadMain>
      <MastheadContent>
        <Toolbar isFullHeight isStatic className="clearance-masthead-tools">
          <ToolbarContent>
            {staff && (
              <ToolbarItem
                id="masthead-search"
                className={`clearance-masthead-search${searchOpen ? " is-open" : ""}`}
              >
                <GlobalSearch
                  focusNow={searchOpen}
                  onClose={searchOpen ? closeSearch : undefined}
                />
              </ToolbarItem>
            )}
            <ToolbarGroup align={{ default: "alignEnd" }} gap={{ default: "gapSm", lg: "gapMd" }}>
              {staff && (
                <ToolbarItem className="clearance-search-toggle">
                  <Button
                    ref={searchToggle}
                    variant="plain"
                    icon={<SearchIcon />}
                    aria-label="Search cases"
                    aria-expanded={searchOpen}
                    aria-controls="masthead-search"
                    onClick={() => setSearchOpen((o) => !o)}
                  />
                </ToolbarItem>
              )}
              <ToolbarItem>
                <NotificationBell />
              </ToolbarItem>
              <ToolbarItem>
                <span className="clearance-user" data-testid="signed-in-user">
                  {me.name ?? me.username}
                  <small className="clearance-narrow-sr">
                    {me.roles.map(roleLabel).join(", ")}
                    {me.organisation ? ` · ${me.organisation}` : ""}
                  </small>
                </span>
              </ToolbarItem>
              <ToolbarItem>
                <Button
                  variant="secondary"
                  icon={<SignOutAltIcon />}
                  onClick={() => void signOut()}
                >
                  <span className="clearance-narrow-sr">Sign out</span>
                </Button>
              </ToolbarItem>
            </ToolbarGroup>
          </ToolbarContent>
        </Toolbar>
      </MastheadContent>
    </Masthead>
  );

  const sidebar = (
    <PageSidebar isSidebarOpen={sidebarOpen}>
      <PageSidebarBody>
        <Nav aria-label="Main navigation">
          {groups.map(({ group, entries }) => (
            <NavGroup key={group} title={group}>
              {entries.map((r) => (
                <NavItem
                  key={r.path}
                  isActive={
                    location.pathname === r.path ||
                    (r.path !== "/applications" && location.pathname.startsWith(r.path + "/"))
                  }
                >
                  <NavLink to={r.path} end>
                    {r.nav!.label}
                  </NavLink>
                </NavItem>
              ))}
            </NavGroup>
          ))}
          {groups.length === 0 && <NavList />}
        </Nav>
      </PageSidebarBody>
    </PageSidebar>
  );

  return (
    <Page
      masthead={masthead}
      sidebar={sidebar}
      mainContainerId="main"
      skipToContent={<SkipToContent href="#main">Skip to content</SkipToContent>}
    >
      <Suspense fallback={<Loading what="this screen" />}>{children}</Suspense>
    </Page>
  );
}
