// "Manage columns" for a list's toolbar, as PatternFly's column-management demo does it: a button
// that opens a dialog with one checkbox per column, Select all, Reset to the screen's default, and
// Save / Cancel. The choice goes to the URL (see columns.ts); nothing changes until Save.
import { useId, useRef, useState } from "react";
import {
  Button,
  Checkbox,
  Content,
  Flex,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  Stack,
} from "@patternfly/react-core";
import { colsFor, defaultColumns, shownColumns, type ColumnDef } from "./columns";

export function ManageColumns({
  columns,
  cols,
  onChange,
  table,
  sortedBy,
}: {
  columns: readonly ColumnDef[];
  /** The URL's `cols` (empty: the default set). */
  cols: readonly string[];
  /** The new `cols`, empty when the choice is the default set. */
  onChange: (cols: string[]) => void;
  /** The table's name, for the dialog: "Columns of {table}". */
  table: string;
  /** The list's sort, when it is by a column: said here if that column is hidden. */
  sortedBy?: { column: string; order: string };
}) {
  const id = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const [draft, setDraft] = useState<string[] | null>(null);
  const shown = shownColumns(columns, cols);
  const key = columns.find((c) => c.isKey);
  const hiddenSort =
    sortedBy && !shown.includes(sortedBy.column)
      ? columns.find((c) => c.id === sortedBy.column)
      : undefined;

  const close = () => {
    setDraft(null);
    // the dialog's focus trap gives the focus back too; a re-rendered toolbar must not lose it
    requestAnimationFrame(() => toggle.current?.focus());
  };

  return (
    <Flex
      alignItems={{ default: "alignItemsCenter" }}
      gap={{ default: "gapSm" }}
      flexWrap={{ default: "wrap" }}
    >
      <Button
        ref={toggle}
        variant="secondary"
        aria-haspopup="dialog"
        onClick={() => setDraft(shown)}
      >
        Manage columns
      </Button>
      {shown.length < columns.length && (
        <Content component="small">
          {shown.length} of {columns.length} columns shown
        </Content>
      )}
      {hiddenSort && sortedBy && (
        <Content component="small">
          Sorted by {hiddenSort.title} (hidden), {sortedBy.order}.{" "}
          <Button
            variant="link"
            isInline
            onClick={() => onChange(colsFor(columns, [...shown, hiddenSort.id]))}
          >
            Show {hiddenSort.title}
          </Button>
        </Content>
      )}
      {draft && (
        <Modal
          isOpen
          onClose={close}
          variant="small"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-description`}
        >
          <ModalHeader
            title="Manage columns"
            labelId={`${id}-title`}
            description={
              <span id={`${id}-description`}>
                Checked columns are shown in the table.
                {key ? ` ${key.title} is always shown: it opens the row.` : ""}
              </span>
            }
          />
          <ModalBody>
            <Flex gap={{ default: "gapMd" }} className="clearance-column-actions">
              <Button variant="link" isInline onClick={() => setDraft(columns.map((c) => c.id))}>
                Select all
              </Button>
              <Button variant="link" isInline onClick={() => setDraft(defaultColumns(columns))}>
                Reset to default
              </Button>
            </Flex>
            {/* a gutter between the rows keeps each checkbox a 24 px target (WCAG 2.5.8) */}
            <Stack hasGutter component="fieldset" className="clearance-column-choices">
              <legend className="pf-v6-screen-reader">Columns of {table}</legend>
              {columns.map((c) => (
                <Checkbox
                  key={c.id}
                  id={`${id}-${c.id}`}
                  label={c.isKey ? `${c.title} (always shown)` : c.title}
                  isChecked={c.isKey || draft.includes(c.id)}
                  isDisabled={c.isKey}
                  onChange={(_e, checked) =>
                    setDraft(checked ? [...draft, c.id] : draft.filter((d) => d !== c.id))
                  }
                />
              ))}
            </Stack>
          </ModalBody>
          <ModalFooter>
            <Button
              onClick={() => {
                onChange(colsFor(columns, draft));
                close();
              }}
            >
              Save
            </Button>
            <Button variant="link" onClick={close}>
              Cancel
            </Button>
          </ModalFooter>
        </Modal>
      )}
    </Flex>
  );
}
