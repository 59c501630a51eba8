// The one way the UI talks to case-api: a bearer token on every call, JSON in and out,
// problem+json turned into ApiError.
import { ApiError, NetworkError, type ProblemBody } from "./problem";

export type TokenSource = () => Promise<string | undefined>;

let tokenSource: TokenSource = async () => undefined;
let onUnauthorised: () => void = () => {};

/** Called once by the auth module: where tokens come from, and what a 401 means. */
export function configureClient(source: TokenSource, unauthorised: () => void) {
  tokenSource = source;
  onUnauthorised = unauthorised;
}

export type Query = Record<string, string | number | boolean | string[] | undefined | null>;

export function buildQuery(query?: Query): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) value.forEach((v) => v !== "" && params.append(key, v));
    else params.append(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  accept?: string;
}

async function send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: options.accept ?? "application/json" };
  const token = await tokenSource();
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(path + buildQuery(options.query), {
      method,
      headers,
      body,
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new NetworkError(e);
  }
  if (!response.ok) {
    if (response.status === 401) onUnauthorised();
    throw await toError(response);
  }
  return response;
}

export async function toError(response: Response): Promise<ApiError> {
  let problem: ProblemBody | null = null;
  const type = response.headers.get("Content-Type") ?? "";
  if (type.includes("json")) {
    try {
      problem = (await response.json()) as ProblemBody;
    } catch {
      problem = null;
    }
  }
  return new ApiError(response.status, problem);
}

async function json<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const http = {
  get: <T>(path: string, options?: RequestOptions) =>
    send("GET", path, options).then((r) => json<T>(r)),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    send("POST", path, { ...options, body }).then((r) => json<T>(r)),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    send("PUT", path, { ...options, body }).then((r) => json<T>(r)),
  delete: (path: string) => send("DELETE", path).then(() => undefined),
  /** The raw response, for downloads (PDF, CSV) and Location headers. */
  raw: send,
};

/** Fetches a protected file and hands it to the browser as a download. */
export async function download(path: string, filename: string): Promise<void> {
  const response = await send("GET", path, { accept: "*/*" });
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A protected file as an object URL (for previews); the caller revokes it. */
export async function objectUrl(path: string): Promise<string> {
  const response = await send("GET", path, { accept: "*/*" });
  return URL.createObjectURL(await response.blob());
}

/**
 * Uploads with progress (fetch has no upload progress): XMLHttpRequest with the same token and
 * the same problem+json handling.
 */
export async function upload<T>(
  path: string,
  form: FormData,
  onProgress: (fraction: number) => void,
): Promise<T> {
  const token = await tokenSource();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    xhr.setRequestHeader("Accept", "application/json");
    if (token) xhr.setRequestHeader("Authorization", `Bearer ${token}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new NetworkError(new Error("upload failed")));
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else {
        if (xhr.status === 401) onUnauthorised();
        reject(new ApiError(xhr.status, body as ProblemBody | null));
      }
    };
    xhr.send(form);
  });
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}
