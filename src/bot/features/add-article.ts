import { Composer, InlineKeyboard } from "grammy";
import type { Fact } from "../../facts/fact-schema";
import { formatPeriod } from "../../format/period";
import { newFiguresText } from "../../ingest/announcement";
import {
  type Draft,
  type DraftField,
  isDraftField,
  missingField,
  setField,
} from "../../ingest/draft";
import { InputProblem } from "../../ingest/input-problem";
import { draftOfLink, draftOfText, duplicateProblem, factsOfDraft } from "../../ingest/intake";
import { textOfBytes } from "../../ingest/text-bytes";
import type { Drop } from "../../knowledge/shelf";
import type { FrontMatter } from "../../seeds/article";
import type { AddSession } from "../add-sessions";
import { logAdminAction } from "../admin-log";
import { adminCommands, isAdmin, NOT_ADMIN } from "../admin-only";
import { escapeHtml } from "../html";
import { previewMessage } from "../preview-message";
import { reloadElsewhere, reloadReport } from "../reload-everywhere";
import { replyText } from "../reply-text";
import type { BotContext, Services } from "../services";
import { downloadDocument } from "../telegram-file";

export const addArticleFeature = new Composer<BotContext>();

const admins = adminCommands(addArticleFeature, ["tambah", "batal"]);

const ASK_ARTICLE =
  "Kirim artikelnya: berkas .txt (boleh dengan front matter), tempel teksnya, atau kirim tautannya. /batal untuk membatalkan.";

const QUESTIONS: Record<DraftField, string> = {
  outlet: "Dari media apa artikel ini?",
  published: "Kapan artikel ini terbit? Misalnya 2024-05-06 atau 6 Mei 2024.",
  title: "Apa judul artikelnya?",
};

const limitsOf = (s: Services) => ({
  ...s.config,
  fetch: {
    timeoutMs: s.config.LINK_TIMEOUT_MS,
    maxBytes: s.config.LINK_MAX_BYTES,
    allowLoopback: s.config.LINKS_ALLOW_LOOPBACK_FOR_TESTS,
  },
});

function current(ctx: BotContext): AddSession | undefined {
  const s = ctx.services;
  if (!ctx.chat || !ctx.from) return undefined;
  return s.additions.get(ctx.chat.id, ctx.from.id, s.now().getTime());
}

admins.command("tambah", async (ctx) => {
  const s = ctx.services;
  if (ctx.chat.type !== "private")
    return replyText(
      ctx,
      "Artikel ditambahkan di chat pribadi dengan saya: kirim /tambah di sana.",
    );
  const session = s.additions.start(ctx.chat.id, ctx.from?.id ?? 0, s.now().getTime());
  logAdminAction(ctx, "tambah");
  const given = ctx.match.trim();
  if (given) return take(ctx, session, () => draftOf(ctx, given));
  await replyText(ctx, ASK_ARTICLE);
});

admins.command("batal", async (ctx) => {
  const session = current(ctx);
  if (!session) return replyText(ctx, "Tidak ada artikel yang sedang ditambahkan.");
  ctx.services.additions.end(session);
  logAdminAction(ctx, "batal");
  await replyText(ctx, "Dibatalkan; tidak ada yang disimpan.");
});

// While an addition waits for the article or a missing field, the admin's messages answer it;
// on its preview they are questions again, as anywhere else.
admins.chatType("private").on(["message:text", "message:document"], async (ctx, next) => {
  const session = current(ctx);
  const text = ctx.msg.text;
  if (!session || session.step === "preview" || session.step === "saving" || text?.startsWith("/"))
    return next();
  if (session.step === "input") {
    const document = ctx.msg.document;
    return take(ctx, session, async () =>
      document
        ? draftOfText(
            textOfBytes(await downloadDocument(ctx, ctx.services.config.MAX_ARTICLE_BYTES)),
            ctx.services.store.current,
            ctx.services.config,
            ctx.services.now(),
          )
        : draftOf(ctx, text ?? ""),
    );
  }
  const draft = sessionDraft(session);
  if (!text || !setField(draft, session.step, text))
    return replyText(
      ctx,
      session.step === "published"
        ? "Tanggalnya tidak terbaca. Tulis misalnya 2024-05-06, 6 Mei 2024 atau Mei 2024."
        : "Tulis jawabannya sebagai teks.",
    );
  await advance(ctx, session);
});

/**
 * A link alone is fetched (any scheme, so that ftp:// is refused by name); anything else is
 * the article's text.
 */
function draftOf(ctx: BotContext, text: string): Promise<Draft> | Draft {
  const s = ctx.services;
  const link = text.trim();
  return /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(link)
    ? draftOfLink(link, s.store.current, limitsOf(s), s.now())
    : draftOfText(text, s.store.current, s.config, s.now());
}

async function take(
  ctx: BotContext,
  session: AddSession,
  read: () => Promise<Draft> | Draft,
): Promise<void> {
  try {
    session.draft = await read();
  } catch (e) {
    if (e instanceof InputProblem) return refuse(ctx, session, e.message);
    // Left waiting, the addition would take the admin's next question for an article.
    ctx.services.additions.end(session);
    throw e;
  }
  await advance(ctx, session);
}

async function refuse(ctx: BotContext, session: AddSession, reason: string): Promise<void> {
  ctx.services.additions.end(session);
  logAdminAction(ctx, "tambah ditolak", { reason });
  await replyText(
    ctx,
    `Tidak bisa ditambahkan: ${reason}. Tidak ada yang disimpan; kirim /tambah untuk mencoba lagi.`,
  );
}

/** The draft of an addition past its "input" step, which is when it gets one. */
function sessionDraft(session: AddSession): Draft {
  if (!session.draft)
    throw new Error(`addition ${session.id} has no draft at step ${session.step}`);
  return session.draft;
}

/** The front matter of a draft with no field missing. */
function frontOf(d: Draft): FrontMatter {
  const { outlet, published, title, url } = d;
  if (!outlet || !published || !title) throw new Error("the draft still misses a field");
  return { outlet, published, title, ...(url && { url }) };
}

/** Asks for the next missing field, or shows the preview once there is none. */
async function advance(ctx: BotContext, session: AddSession): Promise<void> {
  const s = ctx.services;
  const draft = sessionDraft(session);
  const field = missingField(draft);
  if (field) {
    session.step = field;
    const suggestion = draft.suggest[field];
    const shown = suggestion && (field === "published" ? formatPeriod(suggestion) : suggestion);
    const text = `${QUESTIONS[field]}${shown ? `\nUsul: ${shown}` : ""}\nKetik jawabannya${shown ? ", atau tekan tombol." : "."}`;
    const keyboard =
      shown &&
      new InlineKeyboard().text(
        `Pakai: ${shown.length > 40 ? `${shown.slice(0, 39)}…` : shown}`,
        `add:${session.id}:use:${field}`,
      );
    await ctx.reply(escapeHtml(text), {
      ...(keyboard && { reply_markup: keyboard }),
    });
    return;
  }
  const front = frontOf(draft);
  try {
    session.facts = factsOfDraft(s.store.current, front, draft.body, s.config);
  } catch (e) {
    if (e instanceof InputProblem) return refuse(ctx, session, e.message);
    throw e;
  }
  if (!session.facts.length)
    return refuse(ctx, session, "tidak ada angka statistik UMKM yang bisa dibaca dari artikel ini");
  session.step = "preview";
  const { html, keyboard } = previewMessage(s.store.current, session, front);
  await ctx.reply(html, {
    reply_markup: keyboard,
    link_preview_options: { is_disabled: true },
  });
  session.previewHtml = html;
}

addArticleFeature.callbackQuery(/^add:(\w+):(save|cancel|use|drop)(?::(\w+))?$/, async (ctx) => {
  if (!isAdmin(ctx)) return ctx.answerCallbackQuery({ text: NOT_ADMIN });
  const session = current(ctx);
  const [, id, action, arg = ""] = ctx.match;
  const field = isDraftField(arg) ? arg : undefined;
  const step = action === "use" ? field : "preview";
  if (!session || session.id !== id || session.step !== step) {
    await ctx.answerCallbackQuery({
      text: "Penambahan ini sudah selesai atau kedaluwarsa. Mulai lagi dengan /tambah.",
      show_alert: true,
    });
    return;
  }
  const draft = sessionDraft(session);
  if (action === "use" && field) {
    setField(draft, field, draft.suggest[field] ?? "");
    await ctx.answerCallbackQuery();
    return advance(ctx, session);
  }
  if (action === "drop") return toggle(ctx, session, Number(arg));
  if (action === "cancel") {
    ctx.services.additions.end(session);
    logAdminAction(ctx, "batal");
    await ctx.answerCallbackQuery();
    await closePreview(ctx, session, "✖ Dibatalkan; tidak ada yang disimpan.");
    return;
  }
  await save(ctx, session);
});

async function toggle(ctx: BotContext, session: AddSession, i: number): Promise<void> {
  const fact = session.facts[i];
  // Drop buttons carry the number of a fact in the preview; any other is not from it.
  if (!fact) {
    await ctx.answerCallbackQuery();
    return;
  }
  const dropped = !session.dropped.delete(i);
  if (dropped) session.dropped.add(i);
  logAdminAction(ctx, dropped ? "buang fakta" : "kembalikan fakta", { written: fact.written });
  await ctx.answerCallbackQuery({
    text: `Fakta ${i + 1} ${dropped ? "dibuang" : "dikembalikan"}.`,
  });
  const { html, keyboard } = previewMessage(
    ctx.services.store.current,
    session,
    frontOf(sessionDraft(session)),
  );
  session.previewHtml = html;
  await ctx.editMessageText(html, {
    reply_markup: keyboard,
    link_preview_options: { is_disabled: true },
  });
}

/** The preview stays as it was shown, with what became of it and no buttons. */
async function closePreview(ctx: BotContext, session: AddSession, outcome: string): Promise<void> {
  await ctx.editMessageText(`${session.previewHtml ?? ""}\n\n<b>${escapeHtml(outcome)}</b>`, {
    link_preview_options: { is_disabled: true },
  });
}

async function save(ctx: BotContext, session: AddSession): Promise<void> {
  const s = ctx.services;
  const draft = sessionDraft(session);
  const kept = session.facts.filter((_, i) => !session.dropped.has(i));
  if (!kept.length) {
    await ctx.answerCallbackQuery({
      text: "Semua fakta dibuang: tidak ada yang bisa disimpan. Kembalikan fakta, atau tekan Batal.",
      show_alert: true,
    });
    return;
  }
  session.step = "saving";
  await ctx.answerCallbackQuery({ text: "Menyimpan…" });
  const by = s.userHash.of(ctx.from?.id ?? 0);
  const drops: Drop[] = [...session.dropped].map((i) => {
    // Only toggle puts an index in `dropped`, and only the index of a fact.
    const f = session.facts[i] as Fact;
    return {
      action: "drop",
      match: {
        value: f.value,
        ...(f.metric && { metric: f.metric }),
        region: f.region,
        period: f.period,
      },
      reason: "dibuang admin",
      quote: f.quote,
      by,
    };
  });
  const result = await s.shelf.add(frontOf(draft), draft.body, drops, (k) =>
    duplicateProblem(draft, k),
  );
  s.additions.end(session);
  if (!result.ok) {
    logAdminAction(ctx, "simpan gagal", { error: result.error });
    await closePreview(ctx, session, "Tidak disimpan.");
    await replyText(
      ctx,
      `Gagal menyimpan: ${result.error}\nTidak ada yang disimpan; data lama tetap dipakai.`,
    );
    return;
  }
  logAdminAction(ctx, "simpan", { article: result.id, facts: kept.length, dropped: drops.length });
  await closePreview(ctx, session, `✅ Tersimpan sebagai ${result.id}.`);
  const elsewhere = await reloadElsewhere(s, ctx.chat?.id ?? 0);
  await replyText(
    ctx,
    `Tersimpan sebagai ${result.id}. ${reloadReport(s, result.reload)}${elsewhere}`,
  );
  const k = s.store.current;
  const article = k.table.article(result.id);
  const facts = k.table.facts.filter((f) => f.article === result.id);
  // Subscribers hear of it after the admin has the answer; a slow broadcast holds no one up.
  if (article && facts.length)
    s.broadcaster
      .send(ctx.api, newFiguresText(article, facts))
      .catch((err) => s.logger.error({ err }, "broadcast failed"));
}
