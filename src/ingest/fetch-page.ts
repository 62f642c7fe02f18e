import { lookup } from "node:dns/promises";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { InputProblem } from "./input-problem";
import { addressProblem } from "./public-address";

export type FetchLimits = { timeoutMs: number; maxBytes: number; allowLoopback: boolean };

export type FetchedPage = {
  /** Where the page was in the end, after redirects. */
  url: string;
  kind: "html" | "text";
  body: string;
};

const MAX_REDIRECTS = 5;

const KINDS: Record<string, FetchedPage["kind"]> = {
  "text/html": "html",
  "application/xhtml+xml": "html",
  "text/plain": "text",
};

/**
 * Downloads a page a person linked to, as a careful browser would: http(s) only, never an
 * address on this machine or a private network (each host is resolved and every address it
 * has is checked, and the connection goes to a checked address, so a name cannot point
 * inside between the check and the request), redirects checked the same way, one deadline
 * for all of it, a cap on the bytes read, and only HTML or plain text.
 */
export async function fetchPage(link: string, limits: FetchLimits): Promise<FetchedPage> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let url = parseLink(link);
  try {
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const res = await get(url, await checkedLookup(url, limits.allowLoopback), signal);
      const location = res.headers.location;
      if (res.statusCode && res.statusCode >= 300 && res.statusCode < 400 && location) {
        res.resume();
        url = parseLink(new URL(location, url).href);
        continue;
      }
      return await readBody(url, res, limits.maxBytes);
    }
  } catch (e) {
    if (signal.aborted)
      throw new InputProblem(
        `halaman tidak selesai dimuat dalam ${String(limits.timeoutMs / 1000).replace(".", ",")} detik (LINK_TIMEOUT_MS)`,
      );
    if (e instanceof InputProblem) throw e;
    throw new InputProblem(`halaman tidak bisa dibuka (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
  throw new InputProblem(`terlalu banyak pengalihan (lebih dari ${MAX_REDIRECTS})`);
}

function parseLink(link: string): URL {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new InputProblem("bukan tautan yang valid");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new InputProblem("hanya tautan http:// atau https:// yang bisa dibaca");
  if (url.username || url.password)
    throw new InputProblem("tautan dengan nama pengguna tidak dibaca");
  return url;
}

/** Resolves the host now, checks every address, and hands the connection only those. */
async function checkedLookup(url: URL, allowLoopback: boolean): Promise<LookupFunction> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await lookup(host, { all: true });
    } catch {
      throw new InputProblem(`nama ${host} tidak ditemukan`);
    }
  }
  for (const { address } of addresses) {
    const problem = addressProblem(address, allowLoopback);
    if (problem) throw new InputProblem(`${host} mengarah ke ${problem}; tidak dibuka`);
  }
  return (_hostname, options, callback) => {
    const first = addresses[0] as { address: string; family: number };
    if (options.all) callback(null, addresses);
    else callback(null, first.address, first.family);
  };
}

function get(url: URL, lookupFn: LookupFunction, signal: AbortSignal): Promise<IncomingMessage> {
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, {
      lookup: lookupFn,
      signal,
      headers: {
        "user-agent": "umkm-bot/0.1 (artikel untuk data UMKM)",
        accept: "text/html,text/plain",
      },
    });
    req.on("response", resolve);
    req.on("error", reject);
    req.end();
  });
}

async function readBody(url: URL, res: IncomingMessage, maxBytes: number): Promise<FetchedPage> {
  const status = res.statusCode ?? 0;
  if (status < 200 || status >= 300) {
    res.resume();
    throw new InputProblem(`halaman menjawab dengan kode ${status}`);
  }
  const [mime = "", ...params] = (res.headers["content-type"] ?? "")
    .split(";")
    .map((s) => s.trim().toLowerCase());
  const kind = KINDS[mime];
  if (!kind) {
    res.resume();
    throw new InputProblem(`bukan halaman HTML atau teks (${mime || "jenis tidak disebut"})`);
  }
  const tooBig = () =>
    new InputProblem(`halaman lebih dari ${maxBytes} byte (LINK_MAX_BYTES); tidak dibaca`);
  if (Number(res.headers["content-length"] ?? 0) > maxBytes) {
    res.destroy();
    throw tooBig();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      res.destroy();
      throw tooBig();
    }
    chunks.push(chunk as Buffer);
  }
  const charset = params.find((p) => p.startsWith("charset="))?.slice(8) ?? "utf-8";
  return { url: url.href, kind, body: decode(Buffer.concat(chunks), charset.replace(/"/g, "")) };
}

/** In the page's own charset; one Node does not know is read as UTF-8. */
function decode(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}
