import { Label, Tooltip } from "@patternfly/react-core";
import CheckCircleIcon from "@patternfly/react-icons/dist/esm/icons/check-circle-icon";
import ExclamationTriangleIcon from "@patternfly/react-icons/dist/esm/icons/exclamation-triangle-icon";
import ExclamationCircleIcon from "@patternfly/react-icons/dist/esm/icons/exclamation-circle-icon";
import PauseCircleIcon from "@patternfly/react-icons/dist/esm/icons/pause-circle-icon";
import type { SlaClock } from "../api";
import { describeSla } from "./sla";

/** The SLA state as colour AND icon AND words, so it reads without colour vision. */
export function SlaChip({ sla }: { sla: SlaClock | null | undefined }) {
  const text = describeSla(sla);
  if (!text) return <span className="pf-v6-u-color-200">No target</span>;
  const icon = sla!.paused ? (
    <PauseCircleIcon />
  ) : text.state === "BREACHED" ? (
    <ExclamationCircleIcon />
  ) : text.state === "AT_RISK" ? (
    <ExclamationTriangleIcon />
  ) : (
    <CheckCircleIcon />
  );
  return (
    <Tooltip content={text.detail}>
      <Label color={text.color} icon={icon} data-sla-state={text.state} tabIndex={0}>
        {text.label}
        <span className="pf-v6-screen-reader">. {text.detail}</span>
      </Label>
    </Tooltip>
  );
}
