// "Save view" and a picker of saved views for any list screen whose state lives in the URL:
// a view is the screen's query string, stored per user on the server (/api/views) and
// optionally shared with a role.
import { useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Flex,
  Form,
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  TextInput,
} from "@patternfly/react-core";
import { ApiError, explain } from "../api";
import { staffApi, type SavedView } from "../api/staff";
import { ROLE_HOLDERS, type Role } from "../app/roles";
import { useMe } from "../app/me";

const SHAREABLE: Role[] = ["auditor", "legal", "approver", "manager", "admin"];

/** The saved views of one screen: pick one to restore it, or save the current state. */
export function SavedViews({ screen }: { screen: string }) {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const views = useQuery({
    queryKey: ["views", screen],
    queryFn: () => staffApi.views.list(screen),
  });
  const [saving, setSaving] = useState(false);
  const current = location.search.replace(/^\?/, "");
  const selected = views.data?.find((v) => v.query === current)?.id ?? "";
  const applicant = me.roles.includes("applicant") && !me.roles.some((r) => r !== "applicant");

  const remove = useMutation({
    mutationFn: (view: SavedView) => staffApi.views.remove(view.id),
    onSettled: () => client.invalidateQueries({ queryKey: ["views", screen] }),
  });
  const selectedView = views.data?.find((v) => v.id === selected);

  return (
    <Flex alignItems={{ default: "alignItemsFlexEnd" }} gap={{ default: "gapSm" }}>
      <FormGroup label="Saved view" fieldId={`views-${screen}`}>
        <FormSelect
          id={`views-${screen}`}
          value={selected}
          isDisabled={views.isPending || views.isError}
          onChange={(_e, id) => {
            const view = views.data?.find((v) => v.id === id);
            navigate({ search: view?.query ? `?${view.query}` : "" });
          }}
        >
          <FormSelectOption
            value=""
            label={
              views.isPending
                ? "Loading…"
                : views.isError
                  ? "Saved views unavailable"
                  : (views.data?.length ?? 0) === 0
                    ? "No saved views yet"
                    : "Choose a saved view"
            }
          />
          {views.data?.map((v) => (
            <FormSelectOption
              key={v.id}
              value={v.id}
              label={v.mine ? v.name : `${v.name} (shared by ${v.owner})`}
            />
          ))}
        </FormSelect>
      </FormGroup>
      <Button variant="secondary" onClick={() => setSaving(true)}>
        Save view
      </Button>
      {selectedView?.mine && (
        <Button
          variant="link"
          isDanger
          onClick={() => {
            if (window.confirm(`Delete the saved view “${selectedView.name}”?`)) {
              remove.mutate(selectedView);
            }
          }}
        >
          Delete view
        </Button>
      )}
      {saving && (
        <SaveViewModal
          screen={screen}
          query={current}
          canShare={!applicant}
          onClose={() => setSaving(false)}
          onSaved={() => {
            setSaving(false);
            void client.invalidateQueries({ queryKey: ["views", screen] });
          }}
        />
      )}
    </Flex>
  );
}

export function SaveViewModal({
  screen,
  query,
  canShare,
  onClose,
  onSaved,
}: {
  screen: string;
  query: string;
  canShare: boolean;
  onClose: () => void;
  onSaved: (view: SavedView) => void;
}) {
  const [name, setName] = useState("");
  const [role, setRole] = useState("");
  const save = useMutation({
    mutationFn: () =>
      staffApi.views.create({ name, screen, query, sharedWithRole: role === "" ? null : role }),
    onSuccess: onSaved,
  });
  const error = save.error;
  const fieldErrors = error instanceof ApiError ? error.fieldErrors() : {};
  const nameError =
    fieldErrors.name ??
    (error instanceof ApiError && error.status === 409 ? explain(error) : undefined);
  return (
    <Modal isOpen onClose={onClose} variant="small" aria-labelledby="save-view-title">
      <ModalHeader title="Save this view" labelId="save-view-title" />
      <ModalBody>
        <Form
          id="save-view-form"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <FormGroup label="Name" isRequired fieldId="view-name">
            <TextInput
              id="view-name"
              isRequired
              value={name}
              onChange={(_e, v) => setName(v)}
              validated={nameError ? "error" : "default"}
              aria-describedby="view-name-help"
            />
            <FormHelperText>
              <HelperText id="view-name-help">
                <HelperTextItem variant={nameError ? "error" : "default"}>
                  {nameError ??
                    "Filters, sort, columns and page of this list are saved under this name."}
                </HelperTextItem>
              </HelperText>
            </FormHelperText>
          </FormGroup>
          {canShare && (
            <FormGroup label="Share with" fieldId="view-role">
              <FormSelect id="view-role" value={role} onChange={(_e, v) => setRole(v)}>
                <FormSelectOption value="" label="Nobody (only me)" />
                {SHAREABLE.map((r) => (
                  <FormSelectOption key={r} value={r} label={`All ${ROLE_HOLDERS[r]}`} />
                ))}
              </FormSelect>
              {fieldErrors.sharedWithRole && (
                <FormHelperText>
                  <HelperText>
                    <HelperTextItem variant="error">{fieldErrors.sharedWithRole}</HelperTextItem>
                  </HelperText>
                </FormHelperText>
              )}
            </FormGroup>
          )}
          {error && !nameError && !fieldErrors.sharedWithRole && (
            <Alert variant="danger" isInline title="The view was not saved">
              {explain(error)}
            </Alert>
          )}
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button type="submit" form="save-view-form" isLoading={save.isPending}>
          Save
        </Button>
        <Button variant="link" onClick={onClose}>
          Cancel
        </Button>
      </ModalFooter>
    </Modal>
  );
}
