import { useNavigate } from "react-router";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Content, List, ListItem, PageSection, Title } from "@patternfly/react-core";
import { api, explain } from "../../api";
import { useMe } from "../../app/me";

/** Starts a draft on purpose (not on every visit), after saying what will be asked. */
export default function NewApplication() {
  const me = useMe();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: () => api.cases.create({}),
    onSuccess: (c) => navigate(`/applications/${c.id}/edit`, { replace: true }),
  });
  return (
    <PageSection>
      <Title headingLevel="h1">Apply for an export licence</Title>
      <Content component="p">You apply for {me.organisation}. You will be asked for:</Content>
      <List>
        <ListItem>a contact for this application;</ListItem>
        <ListItem>
          each item you export, with its classification (ECCN), quantity and value — for AI models
          also the parameter count, training compute, open or closed weights and how they are hosted
          and protected;
        </ListItem>
        <ListItem>the consignee, the end user and any other party, with their countries;</ListItem>
        <ListItem>the destination countries and what the goods will be used for;</ListItem>
        <ListItem>supporting documents, if you have them.</ListItem>
      </List>
      <Content component="p" className="pf-v6-u-mt-md">
        The draft is saved as you go; nobody outside your organisation sees it until you submit. To
        start from an earlier application, use “Copy as new draft” in My applications.
      </Content>
      {create.isError && <Alert variant="danger" isInline title={explain(create.error)} />}
      <Button
        className="pf-v6-u-mt-md"
        onClick={() => create.mutate()}
        isLoading={create.isPending}
        isDisabled={create.isPending}
      >
        Start application
      </Button>
    </PageSection>
  );
}
