import { useRef, useState } from "react";
import { useNavigate } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Button,
  NotificationBadge,
  Popover,
  Stack,
  StackItem,
  Content,
} from "@patternfly/react-core";
import { whileActive } from "../app/auth";
import { api, type Notification } from "../api";
import { formatDateTime } from "./format";

/**
 * Bell with the unread count (polled every 30 s); opens the latest notifications. The popover is
 * made only while open: a closed PatternFly popover still reads the page's computed style on
 * each render, which made the browser restyle the whole page while the first screen was built.
 */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const bell = useRef<HTMLSpanElement>(null);
  const navigate = useNavigate();
  const client = useQueryClient();
  const unread = useQuery({
    queryKey: ["notifications", "unread"],
    queryFn: api.notifications.unreadCount,
    refetchInterval: whileActive(30_000),
  });
  const latest = useQuery({
    queryKey: ["notifications", "latest"],
    queryFn: () => api.notifications.list(0, 8),
    enabled: open,
  });
  const markRead = useMutation({
    mutationFn: (n: Notification) => api.notifications.markRead(n.id),
    onSettled: () => client.invalidateQueries({ queryKey: ["notifications"] }),
  });
  const count = unread.data?.unread ?? 0;

  const openNotification = (n: Notification) => {
    if (!n.read) markRead.mutate(n);
    setOpen(false);
    if (n.caseId) navigate(`/cases/${n.caseId}`);
  };

  const badge = (
    <span ref={bell}>
      <NotificationBadge
        variant={count > 0 ? "unread" : "read"}
        count={count}
        aria-label={count > 0 ? `Notifications: ${count} unread` : "Notifications: none unread"}
        aria-expanded={open}
        data-testid="notification-bell"
        // while open, the popover's own handling of its trigger closes it
        onClick={() => {
          if (!open) setOpen(true);
        }}
      />
    </span>
  );
  return (
    <>
      {badge}
      {open && (
        <Popover
          triggerRef={() => bell.current!.querySelector("button")!}
          isVisible
          shouldOpen={() => setOpen(true)}
          shouldClose={() => setOpen(false)}
          position="bottom-end"
          headerContent="Notifications"
          minWidth="24rem"
          bodyContent={
            latest.isPending ? (
              "Loading…"
            ) : latest.isError ? (
              "Notifications could not be loaded. Try again in a moment."
            ) : latest.data.items.length === 0 ? (
              "Nothing new. You will be told here when something needs you."
            ) : (
              <Stack hasGutter>
                {latest.data.items.map((n) => (
                  <StackItem key={n.id}>
                    <Button variant="link" isInline onClick={() => openNotification(n)}>
                      {n.read ? n.subject : <strong>{n.subject}</strong>}
                    </Button>
                    <Content component="small">
                      {" "}
                      {n.caseReference ? `${n.caseReference} · ` : ""}
                      {formatDateTime(n.createdAt)}
                    </Content>
                  </StackItem>
                ))}
              </Stack>
            )
          }
          footerContent={
            <Button
              variant="link"
              isInline
              onClick={() => {
                setOpen(false);
                navigate("/notifications");
              }}
            >
              See all notifications
            </Button>
          }
        />
      )}
    </>
  );
}
