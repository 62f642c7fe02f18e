import type { BotCommand } from "grammy/types";
import { ApiError, badRequest } from "./errors.js";
import { readReplyMarkup } from "./keyboard.js";
import { formatText } from "./message-text.js";
import {
  boolParam,
  canonicalJson,
  intParam,
  isRecord,
  jsonParam,
  type Params,
  stringParam,
} from "./params.js";
import type { Handler, State } from "./state.js";

const QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid";

const INLINE_RESULT_TYPES = new Set(
  "article photo gif mpeg4_gif video audio voice document location venue contact game sticker".split(
    " ",
  ),
);

const getMe: Handler = (_p, { state }) => ({
  ...state.botUser,
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
});

const getUpdates: Handler = (p, { state, signal }) => {
  if (state.webhook !== undefined) {
    throw new ApiError(
      409,
      "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    );
  }
  setAllowedUpdates(state, p);
  const limit = intParam(p, "limit") ?? 100;
  const timeout = Math.max(0, intParam(p, "timeout") ?? 0);
  return state.updates.take(
    intParam(p, "offset") ?? 0,
    limit < 1 ? 100 : Math.min(limit, 100),
    timeout,
    signal,
  );
};

const setWebhook: Handler = (p, { state }) => {
  const url = stringParam(p, "url") ?? "";
  if (url === "") {
    state.webhook = undefined;
    return true;
  }
  let host: string;
  let protocol: string;
  try {
    ({ hostname: host, protocol } = new URL(url));
  } catch {
    throw badRequest("bad webhook: invalid webhook URL specified");
  }
  // Telegram wants HTTPS on a public address; plain HTTP to this machine is allowed so that tests
  // can point it at the bot under test.
  if (protocol !== "https:" && !["127.0.0.1", "localhost", "[::1]"].includes(host)) {
    throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
  }
  const secret = stringParam(p, "secret_token");
  if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) {
    throw badRequest("secret token contains unallowed characters");
  }
  setAllowedUpdates(state, p);
  if (boolParam(p, "drop_pending_updates")) state.updates.clear();
  state.updates.terminate(new ApiError(409, "Conflict: terminated by setWebhook request"));
  state.webhook = { url, max_connections: intParam(p, "max_connections") ?? 40 };
  return true;
};

const deleteWebhook: Handler = (p, { state }) => {
  if (boolParam(p, "drop_pending_updates")) state.updates.clear();
  state.webhook = undefined;
  return true;
};

const getWebhookInfo: Handler = (_p, { state }) => ({
  url: state.webhook?.url ?? "",
  has_custom_certificate: false,
  pending_update_count: state.updates.pendingCount,
  ...(state.webhook && { max_connections: state.webhook.max_connections }),
  ...(state.webhook &&
    state.updates.allowedUpdates && { allowed_updates: state.updates.allowedUpdates }),
});

const setMyCommands: Handler = (p, { state }) => {
  const commands = jsonParam(p, "commands", "can't parse commands JSON object");
  if (!Array.isArray(commands)) throw badRequest("can't parse commands JSON object");
  if (commands.length > 100) throw badRequest("BOT_COMMANDS_TOO_MUCH");
  state.commands.set(commandsKey(p), commands.map(readCommand));
  return true;
};

const getMyCommands: Handler = (p, { state }) => state.commands.get(commandsKey(p)) ?? [];

const answerCallbackQuery: Handler = (p, { state }) => {
  // A query can be answered once; the id of an answered one is as good as unknown.
  if (!state.openCallbackQueries.delete(stringParam(p, "callback_query_id") ?? "")) {
    throw badRequest(QUERY_TOO_OLD);
  }
  return true;
};

const answerInlineQuery: Handler = (p, { state }) => {
  const id = stringParam(p, "inline_query_id") ?? "";
  if (!state.openInlineQueries.has(id)) throw badRequest(QUERY_TOO_OLD);
  const results = jsonParam(p, "results", "can't parse inline query results JSON object");
  if (!Array.isArray(results)) throw badRequest("can't parse inline query results JSON object");
  if (results.length > 50) throw badRequest("RESULTS_TOO_MUCH");
  const ids = new Set<string>();
  for (const result of results) checkInlineResult(state, result, ids);
  state.openInlineQueries.delete(id);
  return true;
};

export const botMethods: Record<string, Handler> = {
  getMe,
  getUpdates,
  setWebhook,
  deleteWebhook,
  getWebhookInfo,
  setMyCommands,
  getMyCommands,
  answerCallbackQuery,
  answerInlineQuery,
};

function setAllowedUpdates(state: State, p: Params): void {
  const kinds = jsonParam(p, "allowed_updates", "can't parse allowed_updates JSON object");
  // Omitted means "as before", which grammY relies on after its first getUpdates.
  if (Array.isArray(kinds)) state.updates.setAllowed(kinds.map(String));
}

function commandsKey(p: Params): string {
  const scope = jsonParam(p, "scope", "can't parse BotCommandScope JSON object") ?? {
    type: "default",
  };
  return `${canonicalJson(scope)} ${stringParam(p, "language_code") ?? ""}`;
}

/** tdlib's checks (with its messages), then the server's check of the characters. */
function readCommand(value: unknown): BotCommand {
  const entry = isRecord(value) ? value : {};
  const command = (stringParam(entry, "command") ?? "").trim().replace(/^\//, "");
  const description = (stringParam(entry, "description") ?? "").trim();
  if (command === "") throw badRequest("command must be non-empty");
  if ([...command].length > 32) throw badRequest("command length must not exceed 32");
  if (description === "") throw badRequest("command description must be non-empty");
  if ([...description].length > 256) {
    throw badRequest("command description length must not exceed 256");
  }
  if (!/^[a-z0-9_]+$/.test(command)) throw badRequest("BOT_COMMAND_INVALID");
  return { command, description };
}

function checkInlineResult(state: State, result: unknown, ids: Set<string>): void {
  const invalid = (why: string) => badRequest(`can't parse inline query result: ${why}`);
  if (!isRecord(result)) throw invalid("InlineQueryResult must be an Object");
  const type = stringParam(result, "type") ?? "";
  if (!INLINE_RESULT_TYPES.has(type))
    throw badRequest(`unsupported inline query result type "${type}"`);
  const id = stringParam(result, "id") ?? "";
  const bytes = Buffer.byteLength(id);
  if (bytes < 1 || bytes > 64) throw badRequest("RESULT_ID_INVALID");
  if (ids.has(id)) throw badRequest("RESULT_ID_DUPLICATE");
  ids.add(id);
  readReplyMarkup(result);
  const content = result.input_message_content;
  if (type === "article") {
    if (typeof result.title !== "string") throw invalid('Field "title" must be of type String');
    if (!isRecord(content)) throw invalid('Field "input_message_content" must be of type Object');
  }
  if (isRecord(content) && content.message_text !== undefined) {
    formatText(content, "message_text", (userId) => state.user(userId));
  }
  if (result.caption !== undefined) formatText(result, "caption", (userId) => state.user(userId));
}
