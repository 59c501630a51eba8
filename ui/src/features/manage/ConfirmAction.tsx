import { useState, type ReactNode } from "react";
import { useMutation } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  TextArea,
} from "@patternfly/react-core";
import { ApiError, explain } from "../../api";

/** What a refusal of a manager action means, in plain words. */
export function plainRefusal(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 409) {
      return `This cannot be done in the current state: ${error.detail ?? error.title}. The screen now shows the current state.`;
    }
    if (error.status === 403)
      return `You are not allowed to do this: ${error.detail ?? error.title}`;
    if (error.status === 404) return "This no longer exists, or you cannot see it.";
  }
  return explain(error);
}

/**
 * A manager action behind a confirmation: a reason (required or optional), the action, and the
 * API's refusal explained; on success or refusal the caller refreshes to the true state.
 */
export function ConfirmAction<T>({
  title,
  description,
  confirmLabel,
  reasonLabel,
  reasonRequired,
  danger,
  run,
  onDone,
  onClose,
  extra,
}: {
  title: string;
  description: ReactNode;
  confirmLabel: string;
  reasonLabel: string;
  reasonRequired: boolean;
  danger?: boolean;
  run: (reason: string) => Promise<T>;
  onDone: (result: T | null) => void;
  onClose: () => void;
  extra?: ReactNode;
}) {
  const [reason, setReason] = useState("");
  const action = useMutation({
    mutationFn: () => run(reason.trim()),
    onSuccess: (result) => onDone(result),
    onError: () => onDone(null),
  });
  const fieldErrors = action.error instanceof ApiError ? action.error.fieldErrors() : {};
  const reasonError = fieldErrors.reason ?? fieldErrors.note;
  return (
    <Modal isOpen onClose={onClose} variant="small" aria-labelledby="confirm-title">
      <ModalHeader
        title={title}
        labelId="confirm-title"
        titleIconVariant={danger ? "warning" : undefined}
      />
      <ModalBody>
        <p>{description}</p>
        <Form
          id="confirm-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (reasonRequired && reason.trim() === "") return;
            action.mutate();
          }}
        >
          {extra}
          <FormGroup label={reasonLabel} isRequired={reasonRequired} fieldId="confirm-reason">
            <TextArea
              id="confirm-reason"
              value={reason}
              onChange={(_e, v) => setReason(v)}
              isRequired={reasonRequired}
              validated={reasonError ? "error" : "default"}
              resizeOrientation="vertical"
            />
            {reasonError && (
              <FormHelperText>
                <HelperText>
                  <HelperTextItem variant="error">{reasonError}</HelperTextItem>
                </HelperText>
              </FormHelperText>
            )}
          </FormGroup>
          {action.isError && !reasonError && (
            <Alert variant="danger" isInline title="Not done">
              {plainRefusal(action.error)}
            </Alert>
          )}
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button
          type="submit"
          form="confirm-form"
          variant={danger ? "danger" : "primary"}
          isLoading={action.isPending}
          isDisabled={reasonRequired && reason.trim() === ""}
        >
          {confirmLabel}
        </Button>
        <Button variant="link" onClick={onClose}>
          Cancel
        </Button>
      </ModalFooter>
    </Modal>
  );
}
