import { useEffect } from "react";
import { Navigate, Route, Routes, useLocation, useParams } from "react-router";
import { PageSection } from "@patternfly/react-core";
import { Shell } from "./Shell";
import { homeFor, routes, type AppRoute } from "./routes";
import { hasAny, ROLE_LABELS } from "./roles";
import { useMe } from "./me";
import { SessionWatcher } from "./SessionWatcher";
import { ErrorState } from "../components/States";

function Screen({ route }: { route: AppRoute }) {
  const me = useMe();
  const params = useParams();
  useEffect(() => {
    document.title = `${route.title}${params.id ? " " : ""} · Clearance`;
  }, [route.title, params.id]);
  if (!hasAny(me.roles, route.roles)) {
    return (
      <PageSection>
        <ErrorState
          title="This screen is not for your role"
          detail={`It is for: ${route.roles!.map((r) => ROLE_LABELS[r]).join(", ")}. You are signed in as ${me.username}.`}
        />
      </PageSection>
    );
  }
  const Component = route.component;
  return <Component />;
}

function NotFound() {
  const location = useLocation();
  return (
    <PageSection>
      <ErrorState
        title="There is no screen at this address"
        detail={`Nothing lives at ${location.pathname}. Use the navigation on the left, or go back.`}
      />
    </PageSection>
  );
}

export function App() {
  const me = useMe();
  return (
    <Shell>
      <SessionWatcher />
      <Routes>
        <Route path="/" element={<Navigate to={homeFor(me.roles)} replace />} />
        {routes.map((r) => (
          <Route key={r.path} path={r.path} element={<Screen route={r} />} />
        ))}
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Shell>
  );
}
