import type { IncomingMessage } from "node:http";
import { badRequest } from "./errors.js";
import type { Params } from "./params.js";

export interface UploadedFile {
  filename: string;
  contentType: string;
  size: number;
  data: Buffer;
}

/**
 * Request parameters from the query string and a JSON, urlencoded or multipart body, as the Bot
 * API accepts them. Multipart files are stored under their part name, which is what an
 * "attach://<name>" value refers to.
 */
export async function readParams(req: IncomingMessage, url: URL): Promise<Params> {
  const params: Params = Object.fromEntries(url.searchParams);
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  if (body.length === 0) return params;

  const type = (req.headers["content-type"] ?? "").toLowerCase();
  if (type.startsWith("application/json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      throw badRequest("can't parse JSON encoded request");
    }
    return { ...params, ...(parsed as Params) };
  }
  if (type.startsWith("multipart/form-data")) {
    const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(req.headers["content-type"] ?? "");
    const name = boundary?.[1] ?? boundary?.[2];
    if (name === undefined) throw badRequest("multipart boundary is missing");
    return { ...params, ...parseMultipart(body, name) };
  }
  return { ...params, ...Object.fromEntries(new URLSearchParams(body.toString("utf8"))) };
}

function parseMultipart(body: Buffer, boundary: string): Params {
  const params: Params = {};
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // The first delimiter has no CRLF before it; pretending it does makes every part look alike.
  const text = Buffer.concat([Buffer.from("\r\n"), body]);
  let pos = text.indexOf(delimiter);
  while (pos !== -1) {
    const start = pos + delimiter.length;
    if (text.toString("latin1", start, start + 2) === "--") break;
    const next = text.indexOf(delimiter, start);
    if (next === -1) throw badRequest("multipart body is truncated");
    const part = text.subarray(text.indexOf("\r\n", start) + 2, next);
    const headerEnd = part.indexOf("\r\n\r\n");
    const headers = part.toString("utf8", 0, headerEnd === -1 ? 0 : headerEnd);
    const data = part.subarray(headerEnd + 4);
    const name = headerParam(headers, "name");
    const filename = headerParam(headers, "filename");
    if (name !== undefined) {
      params[name] =
        filename === undefined
          ? data.toString("utf8")
          : {
              filename,
              contentType:
                /^content-type:\s*(.+)$/im.exec(headers)?.[1]?.trim() ?? "application/octet-stream",
              size: data.length,
              data: Buffer.from(data),
            };
    }
    pos = next;
  }
  return params;
}

// grammY writes `filename=name.jpg` unquoted while browsers and curl quote it; accept both.
function headerParam(headers: string, key: string): string | undefined {
  const match = new RegExp(`;\\s*${key}=(?:"([^"]*)"|([^;\\r\\n]*))`, "i").exec(headers);
  return match === null ? undefined : (match[1] ?? match[2]?.trim());
}
