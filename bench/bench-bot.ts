import type { Api } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { createBot } from "../src/bot/create-bot";
import type { Services } from "../src/bot/services";

// Only the fields a bot reads while handling messages; the rest come from getMe in production.
export const benchBotInfo = {
  id: 1,
  is_bot: true,
  first_name: "Bench",
  username: "bench_bot",
} as UserFromGetMe;

/** Every Bot API call answered in process at once, so only the bot's own work is timed. */
export function answerAtOnce(api: Api): void {
  api.config.use(
    async () =>
      ({ ok: true, result: { message_id: 1, date: 0, chat: { id: 1, type: "private" } } }) as never,
  );
}

export function benchBot(services: Services) {
  const bot = createBot("1:bench", services, { botInfo: benchBotInfo });
  answerAtOnce(bot.api);
  return bot;
}

/** The i-th private question, from one of 50 people. */
export function questionUpdate(i: number, questions: readonly string[]): Update {
  const person = 100 + (i % 50);
  return {
    update_id: i,
    message: {
      message_id: i,
      date: 0,
      chat: { id: person, type: "private", first_name: "U" },
      from: { id: person, is_bot: false, first_name: "U" },
      text: questions[i % questions.length] ?? "",
    },
  };
}
