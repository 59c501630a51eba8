import { createContext, useContext } from "react";
import type { Me } from "../api";

export const MeContext = createContext<Me | null>(null);

/** The signed-in user as case-api sees them (username, roles, organisation). */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error("useMe outside the signed-in app");
  return me;
}
