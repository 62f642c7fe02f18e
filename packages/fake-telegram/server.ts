import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Message, Update } from "grammy/types";
import { readParams } from "./body.js";
import { botMethods } from "./bot-methods.js";
import { type ApiCall, type ApiResponse, CallLog } from "./calls.js";
import { chatMethods } from "./chat-methods.js";
import { ApiError } from "./errors.js";
import { fileMethods, storeDocument } from "./files.js";
import { messageMethods } from "./message-methods.js";
import { type BotUser, type Handler, type MemberStatus, State } from "./state.js";
import {
  buttonPress,
  documentMessage,
  inlineQuery,
  type SendDocumentOptions,
  type SendTextOptions,
  textMessage,
  type UserRef,
  userFor,
} from "./update-builders.js";

export type Fault =
  | { kind: "429"; retryAfter: number }
  | { kind: "502" }
  | { kind: "drop" }
  // Handled normally, but answered only after `ms`: a slow or far-away Bot API.
  | { kind: "slow"; ms: number };

export interface FakeTelegram {
  /** "http://127.0.0.1:PORT": the bot's TELEGRAM_API_ROOT / grammY `client.apiRoot`. */
  apiRoot: string;
  token: string;
  botUser: BotUser;
  /** Every answered request, in answer order (a long poll counts when it returns). */
  calls: ApiCall[];
  /** Queues an update for getUpdates and returns its update_id. */
  pushUpdate(update: Omit<Update, "update_id">): number;
  /** Pushes a user's text message and returns its message_id. */
  sendText(opts: SendTextOptions): number;
  /** Pushes a user's message with a document (kept for getFile) and returns its message_id. */
  sendDocument(opts: SendDocumentOptions): number;
  /** The chat's user blocks the bot (or a group removes it): sending there answers 403 from now on. */
  blockBot(chatId: number): void;
  /** Pushes a callback_query for one of the message's buttons and returns the update_id. */
  pressButton(opts: { from: UserRef; message: Message; data: string }): number;
  /** Pushes an inline_query and returns the update_id. */
  inlineQuery(opts: { from: UserRef; query: string }): number;
  /** The first call to `method` at or after `sinceIndex` in `calls` matching `pred`, now or later. */
  waitForCall(
    method: string,
    pred?: (call: ApiCall) => boolean,
    timeoutMs?: number,
    sinceIndex?: number,
  ): Promise<ApiCall>;
  /** The bot's messages as they are now (edits applied), in the order they were sent. */
  sentMessages(chatId?: number): Message[];
  /**
   * What getChatMember says of the user in that chat. Without it, a user who wrote in a group
   * is a member there and anyone else has left.
   */
  setChatMember(chatId: number, user: UserRef, status: MemberStatus): void;
  /** Makes the next `times` calls to `method` fail that way instead of being handled. */
  injectFault(method: string, fault: Fault, times?: number): void;
  /** POSTs the update to a webhook as Telegram does and returns the HTTP status. */
  deliverWebhook(
    url: string,
    update: Omit<Update, "update_id">,
    secretToken?: string,
  ): Promise<number>;
  /** Answers any waiting long poll, then stops the server. */
  close(): Promise<void>;
}

const HANDLERS = new Map<string, [string, Handler]>(
  Object.entries({ ...botMethods, ...chatMethods, ...messageMethods, ...fileMethods }).map(
    ([name, handler]) => [name.toLowerCase(), [name, handler]],
  ),
);

const NGINX_502 =
  "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n";

export async function startFakeTelegram(
  opts: { token?: string; botUsername?: string; port?: number } = {},
): Promise<FakeTelegram> {
  const token = opts.token ?? "123456:TEST-token";
  const botUser: BotUser = {
    // A bot's id is the number its token starts with.
    id: Number(token.split(":")[0]) || 123456,
    is_bot: true,
    first_name: "Test Bot",
    username: opts.botUsername ?? "umkm_test_bot",
  };
  const state = new State(token, botUser);
  const log = new CallLog();
  const faults = new Map<string, Fault[]>();

  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      // A bug in the fake, not a Telegram answer: make it loud in the test output.
      const description = `fake-telegram crashed: ${error instanceof Error ? error.stack : String(error)}`;
      if (!res.headersSent) writeJson(res, 500, { ok: false, error_code: 500, description });
    });
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname.startsWith("/file/")) {
      serveFile(url, res);
      return;
    }
    const route = /^\/bot([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (route === null) {
      writeJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
      return;
    }
    const [, callToken = "", name = ""] = route;
    const [method, handler] = HANDLERS.get(name.toLowerCase()) ?? [name, undefined];
    const closed = new AbortController();
    res.on("close", () => closed.abort());
    const call: ApiCall = { method, params: {}, at, status: 0 };
    try {
      call.params = await readParams(req, url);
      const fault = faults.get(method.toLowerCase())?.shift();
      if (fault?.kind === "slow") await new Promise((resolve) => setTimeout(resolve, fault.ms));
      if (fault !== undefined && fault.kind !== "slow") {
        applyFault(req, res, fault, call);
      } else if (callToken !== token) {
        call.response = { ok: false, error_code: 401, description: "Unauthorized" };
      } else if (handler === undefined) {
        call.response = { ok: false, error_code: 404, description: "Not Found" };
      } else {
        call.response = {
          ok: true,
          result: await handler(call.params, { state, signal: closed.signal }),
        };
      }
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      call.response = {
        ok: false,
        error_code: error.errorCode,
        description: error.description,
        ...(error.parameters && { parameters: error.parameters }),
      };
    }
    if (call.response !== undefined && !closed.signal.aborted) {
      call.status = call.response.ok ? 200 : call.response.error_code;
      writeJson(res, call.status, call.response);
    }
    log.record(call);
  }

  // Files are downloaded from /file/bot<token>/<file_path>, outside the method routes, and
  // only by paths getFile handed out.
  function serveFile(url: URL, res: ServerResponse): void {
    const route = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    const file = route?.[1] === token ? state.filePaths.get(route[2] ?? "") : undefined;
    if (file === undefined) {
      writeJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
      return;
    }
    res
      .writeHead(200, {
        "content-type": "application/octet-stream",
        "content-length": file.data.length,
      })
      .end(file.data);
  }

  function applyFault(
    req: IncomingMessage,
    res: ServerResponse,
    fault: Exclude<Fault, { kind: "slow" }>,
    call: ApiCall,
  ): void {
    if (fault.kind === "429") {
      call.response = {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${fault.retryAfter}`,
        parameters: { retry_after: fault.retryAfter },
      };
    } else if (fault.kind === "502") {
      call.status = 502;
      res.writeHead(502, { "content-type": "text/html" }).end(NGINX_502);
    } else {
      req.socket.destroy();
    }
  }

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const pushUpdate = (update: Omit<Update, "update_id">): number => {
    state.learn(update);
    return state.updates.push(update);
  };

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    botUser,
    calls: log.calls,
    pushUpdate,
    sendText(sendOpts) {
      const message = textMessage(state, sendOpts);
      pushUpdate({ message });
      return message.message_id;
    },
    sendDocument(docOpts) {
      const document = storeDocument(state, docOpts);
      const message = documentMessage(state, docOpts, document);
      pushUpdate({ message });
      return message.message_id;
    },
    blockBot: (chatId) => state.blocked.add(chatId),
    pressButton: (pressOpts) => pushUpdate({ callback_query: buttonPress(state, pressOpts) }),
    inlineQuery: (queryOpts) => pushUpdate({ inline_query: inlineQuery(state, queryOpts) }),
    waitForCall: (method, pred, timeoutMs, sinceIndex) =>
      log.waitFor(method, pred, timeoutMs, sinceIndex),
    sentMessages: (chatId) => state.sentMessages(chatId),
    setChatMember(chatId, user, status) {
      state.users.set(user.id, userFor(state, user));
      state.setMember(chatId, user.id, status);
    },
    injectFault(method, fault, times = 1) {
      const queue = faults.get(method.toLowerCase()) ?? [];
      faults.set(method.toLowerCase(), [...queue, ...Array<Fault>(times).fill(fault)]);
    },
    async deliverWebhook(url, update, secretToken) {
      const full = { update_id: state.updates.newId(), ...update };
      state.learn(full);
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(secretToken !== undefined && { "X-Telegram-Bot-Api-Secret-Token": secretToken }),
        },
        body: JSON.stringify(full),
      });
      await response.arrayBuffer();
      return response.status;
    },
    async close() {
      state.updates.release();
      log.cancelWaiters(new Error("fake-telegram closed"));
      // Let the released poll write its answer before the connections go.
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function writeJson(res: ServerResponse, status: number, body: ApiResponse): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
