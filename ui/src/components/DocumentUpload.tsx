import { useRef, useState } from "react";
import { Alert, Button, Progress, Stack, StackItem } from "@patternfly/react-core";
import UploadIcon from "@patternfly/react-icons/dist/esm/icons/upload-icon";
import { api, explain, type DocumentInfo } from "../api";
import { formatBytes } from "./format";

export const ACCEPTED_TYPES =
  ".pdf,.png,.jpg,.jpeg,.txt,.csv,.json,.docx,.xlsx,application/pdf,image/png,image/jpeg,text/plain,text/csv,application/json";

let nextKey = 0;

interface Upload {
  key: number;
  name: string;
  size: number;
  fraction: number;
  error?: string;
}

/**
 * Uploads supporting documents to a case with a progress bar per file. The server decides what it
 * accepts (type and size); its refusal is shown on the file in plain words.
 */
export function DocumentUpload({
  caseId,
  onUploaded,
  label = "Upload documents",
}: {
  caseId: string;
  onUploaded: (doc: DocumentInfo) => void;
  label?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);

  const start = (files: FileList | null) => {
    if (!files) return;
    for (const file of Array.from(files)) {
      const key = nextKey++;
      setUploads((u) => [...u, { key, name: file.name, size: file.size, fraction: 0 }]);
      const update = (change: Partial<Upload>) =>
        setUploads((u) => u.map((x) => (x.key === key ? { ...x, ...change } : x)));
      api.cases
        .uploadDocument(caseId, file, (fraction) => update({ fraction }))
        .then((doc) => {
          setUploads((u) => u.filter((x) => x.key !== key));
          onUploaded(doc);
        })
        .catch((e) => update({ error: `${file.name} was not uploaded: ${explain(e)}` }));
    }
    if (input.current) input.current.value = "";
  };

  return (
    <Stack hasGutter>
      <StackItem>
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPTED_TYPES}
          id={`upload-${caseId}`}
          data-testid="document-input"
          aria-label={label}
          style={{ display: "none" }}
          onChange={(e) => start(e.target.files)}
        />
        <Button variant="secondary" icon={<UploadIcon />} onClick={() => input.current?.click()}>
          {label}
        </Button>{" "}
        <span className="pf-v6-u-font-size-sm">
          PDF, images (PNG, JPEG), text, CSV, JSON, Word or Excel files.
        </span>
      </StackItem>
      {uploads.map((u) => (
        <StackItem key={u.key}>
          {u.error ? (
            <Alert
              variant="danger"
              isInline
              title={u.error}
              actionClose={
                <Button
                  variant="plain"
                  aria-label="Dismiss"
                  onClick={() => setUploads((all) => all.filter((x) => x.key !== u.key))}
                >
                  ×
                </Button>
              }
            />
          ) : (
            <Progress
              value={Math.round(u.fraction * 100)}
              title={`${u.name} (${formatBytes(u.size)})`}
              aria-label={`Uploading ${u.name}`}
            />
          )}
        </StackItem>
      ))}
    </Stack>
  );
}
