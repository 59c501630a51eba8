import { useQuery } from "@tanstack/react-query";
import type { UiConfig } from "../../app/auth";

/** The Keycloak admin console of the realm the UI signs in to (users and roles live there). */
export function consoleUrl(config: UiConfig): string {
  return `${config.keycloakUrl.replace(/\/$/, "")}/admin/master/console/#/${encodeURIComponent(config.realm)}/users`;
}

export function useKeycloakConsole(): string | null {
  const config = useQuery({
    queryKey: ["ui-config"],
    queryFn: async () => {
      const response = await fetch("/api/ui-config", { headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(`ui-config ${response.status}`);
      return (await response.json()) as UiConfig;
    },
    staleTime: Infinity,
  });
  return config.data ? consoleUrl(config.data) : null;
}
