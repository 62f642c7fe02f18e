import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { Correction } from "../facts/corrections";
import { writeFileAtomic } from "../files/atomic-write";
import { articleText, type FrontMatter } from "../seeds/article";
import type { Knowledge } from "./knowledge";
import type { KnowledgeStore, ReloadResult } from "./store";

export type ShelfResult =
  | { ok: true; id: string; reload: Extract<ReloadResult, { ok: true }> }
  | { ok: false; error: string };

/** The correction an admin's dropped fact becomes, before the article has its id. */
export type Drop = Omit<Extract<Correction, { action: "drop" }>, "match"> & {
  match: Omit<Extract<Correction, { action: "drop" }>["match"], "article">;
};

const ARTICLES = "articles";
const REMOVED = "removed";
const CORRECTIONS = "corrections.json";

/** Names the id of an article an admin types: never a path, so it cannot leave the folder. */
const ID = /^[\w.-]{1,120}$/;

/**
 * Changes to SEEDS_DIR from the chat: an article added, removed or put back, each followed by
 * the same reload as /reload. One change at a time, reload included, so two admins saving at
 * once never take the same file name or read each other's half-done change. A change whose
 * reload fails is undone, and the old table keeps answering.
 */
export class ArticleShelf {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly seedsDir: string,
    private readonly store: KnowledgeStore,
  ) {}

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Writes the article (and its dropped facts into corrections.json) and reloads. `recheck`
   * runs first, inside the lock, on the table as it is then: another admin may have saved the
   * same article a moment ago.
   */
  add(
    front: FrontMatter,
    body: string,
    drops: Drop[],
    recheck: (k: Knowledge) => string | undefined,
  ): Promise<ShelfResult> {
    return this.exclusive(async () => {
      const problem = recheck(this.store.current);
      if (problem) return { ok: false, error: problem };
      const id = this.nextId(front.url ?? body);
      const path = join(this.seedsDir, ARTICLES, `${id}.txt`);
      const corrections = this.readCorrections();
      writeFileAtomic(path, articleText(front, body));
      try {
        if (drops.length)
          this.writeCorrections([
            ...corrections,
            ...drops.map((d) => ({ ...d, match: { article: id, ...d.match } })),
          ]);
      } catch (e) {
        // An article without the drops the admin chose would add what they refused.
        rmSync(path, { force: true });
        throw e;
      }
      return this.reloadOrUndo(id, () => {
        rmSync(path, { force: true });
        if (drops.length) this.writeCorrections(corrections);
      });
    });
  }

  /** Moves the article to SEEDS_DIR/removed/, its corrections with it, and reloads. */
  remove(id: string): Promise<ShelfResult> {
    return this.exclusive(async () => {
      const from = join(this.seedsDir, ARTICLES, `${id}.txt`);
      const to = join(this.seedsDir, REMOVED, `${id}.txt`);
      if (!ID.test(id) || !existsSync(from))
        return { ok: false, error: `Tidak ada artikel ${id}.` };
      if (existsSync(to))
        return {
          ok: false,
          error: `${REMOVED}/${id}.txt sudah ada; pindahkan dulu dengan tangan.`,
        };
      mkdirSync(join(this.seedsDir, REMOVED), { recursive: true });
      const undoCorrections = this.moveCorrections(id, "out");
      try {
        renameSync(from, to);
      } catch (e) {
        undoCorrections();
        throw e;
      }
      return this.reloadOrUndo(id, () => {
        renameSync(to, from);
        undoCorrections();
      });
    });
  }

  /** Puts a removed article back, its corrections with it, and reloads. */
  restore(id: string): Promise<ShelfResult> {
    return this.exclusive(async () => {
      const from = join(this.seedsDir, REMOVED, `${id}.txt`);
      const to = join(this.seedsDir, ARTICLES, `${id}.txt`);
      if (!ID.test(id) || !existsSync(from))
        return { ok: false, error: `Tidak ada artikel ${id} di ${REMOVED}/.` };
      if (existsSync(to)) return { ok: false, error: `Artikel ${id} sudah ada lagi.` };
      renameSync(from, to);
      let undoCorrections: () => void;
      try {
        undoCorrections = this.moveCorrections(id, "in");
      } catch (e) {
        renameSync(to, from);
        throw e;
      }
      return this.reloadOrUndo(id, () => {
        undoCorrections();
        renameSync(to, from);
      });
    });
  }

  /** The ids in SEEDS_DIR/removed/, for /batalhapus. */
  removed(): string[] {
    const dir = join(this.seedsDir, REMOVED);
    return existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith(".txt"))
          .map((f) => f.slice(0, -4))
          .sort()
      : [];
  }

  private async reloadOrUndo(id: string, undo: () => void): Promise<ShelfResult> {
    const reload = await this.store.reload();
    if (reload.ok) return { ok: true, id, reload };
    undo();
    return { ok: false, error: reload.error };
  }

  /** "006_3fa9…": one past the highest number in use (removed articles included), and a hash. */
  private nextId(source: string): string {
    const names = [ARTICLES, REMOVED].flatMap((d) => {
      const dir = join(this.seedsDir, d);
      return existsSync(dir) ? readdirSync(dir) : [];
    });
    const highest = Math.max(-1, ...names.map((n) => Number(/^(\d+)_/.exec(n)?.[1] ?? -1)));
    const hash = createHash("sha1").update(source).digest("hex").slice(0, 16);
    return `${String(highest + 1).padStart(3, "0")}_${hash}`;
  }

  // Entries are kept as they are in the file, fields this code does not know included.
  private readCorrections(): unknown[] {
    const path = join(this.seedsDir, CORRECTIONS);
    return existsSync(path) ? entries(path) : [];
  }

  private writeCorrections(list: unknown[]): void {
    writeFileAtomic(join(this.seedsDir, CORRECTIONS), `${JSON.stringify(list, null, 2)}\n`);
  }

  /**
   * A removed article's corrections go with it to removed/<id>.corrections.json (a build
   * refuses a correction about an article it does not have) and come back with it. Returns
   * the undo.
   */
  private moveCorrections(id: string, direction: "out" | "in"): () => void {
    const aside = join(this.seedsDir, REMOVED, `${id}.corrections.json`);
    const all = this.readCorrections();
    if (direction === "out") {
      const mine = all.filter((c) => articleOf(c) === id);
      if (!mine.length) return () => undefined;
      writeFileAtomic(aside, `${JSON.stringify(mine, null, 2)}\n`);
      this.writeCorrections(all.filter((c) => articleOf(c) !== id));
      return () => {
        this.writeCorrections(all);
        rmSync(aside, { force: true });
      };
    }
    if (!existsSync(aside)) return () => undefined;
    const mine = entries(aside);
    this.writeCorrections([...all, ...mine]);
    rmSync(aside);
    return () => {
      writeFileAtomic(aside, `${JSON.stringify(mine, null, 2)}\n`);
      this.writeCorrections(all);
    };
  }
}

// Loose on purpose: the build validates corrections; moving them needs only their article.
const aboutArticle = z.object({
  match: z.object({ article: z.string().optional() }).optional(),
  fact: z.object({ article: z.string().optional() }).optional(),
});

function articleOf(entry: unknown): string | undefined {
  const about = aboutArticle.safeParse(entry);
  return about.success ? (about.data.match?.article ?? about.data.fact?.article) : undefined;
}

/** A corrections file's entries; one that is not a list is the build's to report, not ours. */
function entries(path: string): unknown[] {
  const list = z.array(z.unknown()).safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!list.success) throw new Error(`${path} is not a list of corrections`);
  return list.data;
}
