import { useEffect, useState } from "react";
import { Button, Modal, ModalBody, ModalFooter, ModalHeader } from "@patternfly/react-core";
import {
  extendSession,
  onSessionChange,
  sessionState,
  sessionTimeLeft,
  signIn,
  signOut,
} from "./auth";

/** Warn this long before the session ends while the user is idle. */
export const WARN_BEFORE_MS = 2 * 60 * 1000;

function minutesSeconds(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/**
 * Watches the Keycloak session: two minutes before an idle session ends it offers to stay signed
 * in; once it has ended it says so and offers a clean sign-in that comes back to this screen.
 */
export function SessionWatcher() {
  const [state, setState] = useState(sessionState());
  const [left, setLeft] = useState<number | null>(sessionTimeLeft());

  useEffect(() => onSessionChange(setState), []);
  useEffect(() => {
    const timer = setInterval(() => setLeft(sessionTimeLeft()), 1000);
    return () => clearInterval(timer);
  }, []);

  const ended = state === "ended" || (left !== null && left <= 0);
  const warning = !ended && left !== null && left < WARN_BEFORE_MS;

  if (ended) {
    return (
      <Modal isOpen variant="small" aria-labelledby="session-ended-title" disableFocusTrap={false}>
        <ModalHeader title="Your session has ended" labelId="session-ended-title" />
        <ModalBody>
          For your security you were signed out after a period without activity, or your session was
          ended elsewhere. Sign in again to carry on where you were; anything the server had already
          saved is kept.
        </ModalBody>
        <ModalFooter>
          <Button variant="primary" onClick={() => void signIn()}>
            Sign in again
          </Button>
        </ModalFooter>
      </Modal>
    );
  }
  if (warning) {
    return (
      <Modal isOpen variant="small" aria-labelledby="session-warning-title">
        <ModalHeader title="You will be signed out soon" labelId="session-warning-title" />
        <ModalBody>
          Your session ends in <strong>{minutesSeconds(left!)}</strong> because there has been no
          activity. Stay signed in to keep working.
        </ModalBody>
        <ModalFooter>
          <Button
            variant="primary"
            onClick={() => void extendSession().then(() => setLeft(sessionTimeLeft()))}
          >
            Stay signed in
          </Button>
          <Button variant="link" onClick={() => void signOut()}>
            Sign out
          </Button>
        </ModalFooter>
      </Modal>
    );
  }
  return null;
}
