import { Link } from "react-router";
import { ListPagination } from "./ListPagination";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Button,
  Label,
  PageSection,
  Title,
  Content,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from "@patternfly/react-core";
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import { api } from "../api";
import { QueryStates } from "./States";
import { formatDateTime } from "./format";
import { NotificationBody } from "./NotificationBody";
import { useUrlState, type Schema } from "./urlState";
import { ManageColumns } from "./ManageColumns";
import { colsField, columnTest, type ColumnDef } from "./columns";

const schema = {
  page: { kind: "int", default: 0, min: 0 },
  size: { kind: "int", default: 20, min: 1, max: 100 },
  cols: colsField,
} satisfies Schema;

const COLUMNS: ColumnDef[] = [
  { id: "subject", title: "Subject", isKey: true },
  { id: "case", title: "Case" },
  { id: "when", title: "When" },
];

export default function NotificationsPage() {
  const [state, setState] = useUrlState(schema);
  const show = columnTest(COLUMNS, state.cols);
  const client = useQueryClient();
  const list = useQuery({
    queryKey: ["notifications", "page", state.page, state.size],
    queryFn: () => api.notifications.list(state.page, state.size),
  });
  const markRead = useMutation({
    mutationFn: (id: string) => api.notifications.markRead(id),
    onSettled: () => client.invalidateQueries({ queryKey: ["notifications"] }),
  });
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">Notifications</Title>
        <Content component="p">
          What happened to the cases you work on, newest unread first.
        </Content>
      </PageSection>
      <PageSection>
        <QueryStates
          query={list}
          what="notifications"
          errorTitle="Notifications could not be loaded"
          isEmpty={(data) => data.items.length === 0}
          empty={{
            title: "No notifications",
            detail: "You will be told here when something needs you.",
          }}
        >
          {(data) => (
            <>
              <Toolbar aria-label="Notification columns">
                <ToolbarContent>
                  <ToolbarItem align={{ default: "alignEnd" }}>
                    <ManageColumns
                      columns={COLUMNS}
                      cols={state.cols}
                      onChange={(cols) => setState({ cols, page: state.page })}
                      table="notifications"
                    />
                  </ToolbarItem>
                </ToolbarContent>
              </Toolbar>
              <Table aria-label="Notifications" variant="compact">
                <Thead>
                  <Tr>
                    <Th>Subject</Th>
                    {show("case") && <Th>Case</Th>}
                    {show("when") && <Th>When</Th>}
                    <Th screenReaderText="Actions" />
                  </Tr>
                </Thead>
                <Tbody>
                  {data.items.map((n) => (
                    <Tr key={n.id}>
                      <Td dataLabel="Subject">
                        {!n.read && (
                          <Label color="blue" isCompact>
                            Unread
                          </Label>
                        )}{" "}
                        {n.subject}
                        <NotificationBody
                          body={n.body}
                          caseReference={n.caseReference}
                          onOpenCase={() => !n.read && markRead.mutate(n.id)}
                        />
                      </Td>
                      {show("case") && (
                        <Td dataLabel="Case">
                          {n.caseId ? (
                            <Link to={`/cases/${n.caseId}`}>{n.caseReference}</Link>
                          ) : (
                            "—"
                          )}
                        </Td>
                      )}
                      {show("when") && <Td dataLabel="When">{formatDateTime(n.createdAt)}</Td>}
                      <Td dataLabel="Actions">
                        {!n.read && (
                          <Button variant="link" onClick={() => markRead.mutate(n.id)}>
                            Mark as read
                          </Button>
                        )}
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
              <ListPagination total={data.totalItems} state={state} setState={setState} />
            </>
          )}
        </QueryStates>
      </PageSection>
    </>
  );
}
