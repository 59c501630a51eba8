import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import "@patternfly/react-core/dist/styles/base.css";
import "./app/app.css";
import { initAuth, tokenRoles } from "./app/auth";
import { warmUpLanding } from "./app/routes";
import { MeContext } from "./app/me";
import { App } from "./app/App";
import { api, ApiError, explain } from "./api";

const root = createRoot(document.getElementById("root")!);

function Message({ title, detail }: { title: string; detail: string }) {
  return (
    <main className="clearance-boot" role="main">
      <h1>{title}</h1>
      <p>{detail}</p>
      <button type="button" onClick={() => window.location.reload()}>
        Try again
      </button>
    </main>
  );
}

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      refetchOnWindowFocus: true,
      // Client errors (403, 404, 409) will not change by asking again.
      retry: (count, error) =>
        count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

async function start() {
  root.render(
    <div className="clearance-boot" aria-busy="true">
      Signing in…
    </div>,
  );
  try {
    await initAuth();
  } catch (e) {
    root.render(
      <Message
        title="Sign-in is not available"
        detail={`Clearance could not reach its sign-in service (Keycloak). ${e instanceof Error ? e.message : ""}`}
      />,
    );
    return;
  }
  // the landing screen's code and data load while /api/me answers; the first render then has
  // the screen's code and need not suspend
  const landing = warmUpLanding(queryClient, tokenRoles());
  let me;
  try {
    me = await api.me();
  } catch (e) {
    root.render(<Message title="Clearance is not answering" detail={explain(e)} />);
    return;
  }
  await landing;
  root.render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <MeContext.Provider value={me}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </MeContext.Provider>
      </QueryClientProvider>
    </StrictMode>,
  );
}

void start();
