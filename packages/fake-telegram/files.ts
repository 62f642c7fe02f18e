import type { Document } from "grammy/types";
import type { UploadedFile } from "./body.js";
import { badRequest } from "./errors.js";
import { isRecord, type Params, stringParam } from "./params.js";
import type { Handler, State } from "./state.js";

/** A file Telegram holds: what getFile describes and the download path serves. */
export interface StoredFile {
  document: Document;
  data: Buffer;
  /** Set by getFile, as Telegram does: the path exists only once the bot asked for it. */
  path?: string;
}

// Bots may download files up to 20 MB and upload documents up to 50 MB.
const MAX_DOWNLOAD = 20 * 1024 * 1024;
const MAX_UPLOAD = 50 * 1024 * 1024;

/** Stores a document (sent by a user or uploaded by the bot) under new ids, as Telegram does. */
export function storeDocument(
  state: State,
  file: { fileName: string; mimeType?: string; data: Buffer },
): Document {
  const tag = Buffer.from(`doc:${state.nextSerial()}`).toString("base64url");
  const document: Document = {
    file_id: `BQACAgIAAxkBAAI${tag}`,
    file_unique_id: `AgAD${tag}`,
    file_name: file.fileName,
    ...(file.mimeType && { mime_type: file.mimeType }),
    file_size: file.data.length,
  };
  state.files.set(document.file_id, { document, data: file.data });
  return document;
}

const getFile: Handler = (p, { state }) => {
  const id = stringParam(p, "file_id") ?? "";
  if (id === "") throw badRequest("file_id not specified");
  const stored = state.files.get(id);
  if (stored === undefined) throw badRequest("invalid file_id");
  if (stored.data.length > MAX_DOWNLOAD) throw badRequest("file is too big");
  const extension = /\.(\w{1,8})$/.exec(stored.document.file_name ?? "")?.[1];
  stored.path ??= `documents/file_${state.nextSerial()}${extension ? `.${extension}` : ""}`;
  state.filePaths.set(stored.path, stored);
  return {
    file_id: stored.document.file_id,
    file_unique_id: stored.document.file_unique_id,
    file_size: stored.data.length,
    file_path: stored.path,
  };
};

export const fileMethods: Record<string, Handler> = { getFile };

/** The `document` parameter of sendDocument: an upload, a known file_id, or a URL. */
export function documentParam(state: State, p: Params): Document {
  let document = p.document;
  if (typeof document === "string" && document.startsWith("attach://"))
    document = p[document.slice("attach://".length)];
  if (isUploadedFile(document)) {
    if (document.size === 0) throw badRequest("file must be non-empty");
    if (document.size > MAX_UPLOAD) throw badRequest("Request Entity Too Large");
    return storeDocument(state, {
      fileName: document.filename,
      mimeType: document.contentType,
      data: document.data,
    });
  }
  if (typeof document !== "string" || document === "")
    throw badRequest("there is no document in the request");
  const known = state.files.get(document);
  if (known !== undefined) return known.document;
  throw badRequest("wrong file identifier/HTTP URL specified");
}

function isUploadedFile(value: unknown): value is UploadedFile {
  return isRecord(value) && Buffer.isBuffer(value.data);
}
