import { mkdirSync, readFileSync, renameSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../../files/atomic-write";
import type { Logger } from "../../logger";
import {
  type Handover,
  type HandoverStore,
  handoverBookSchema,
  type NewHandover,
  stillKept,
} from "./store";

const FILE = "handovers.json";

/**
 * Handovers in DATA_DIR/handovers.json, held in memory and written whole after each change:
 * to a temporary file first, synced, then renamed (mode 0600), so a crash or a full disk
 * leaves the old file or the new one, never half of one. Every change is written before the
 * promise resolves, so what the bot has told a person is on disk.
 */
export class FileHandoverStore implements HandoverStore {
  private readonly path: string;
  private lastId = 0;
  private handovers: Handover[] = [];
  /** Set when the file is there but cannot be read: writing then would lose it. */
  private unreadable?: Error;

  constructor(
    private readonly dir: string,
    private readonly logger: Logger,
    private readonly now: () => Date,
  ) {
    this.path = join(dir, FILE);
    this.load();
  }

  async add(handover: NewHandover): Promise<Handover> {
    const added = { ...handover, id: this.lastId + 1 };
    this.write(this.lastId + 1, [...this.handovers, added]);
    return added;
  }

  async get(id: number): Promise<Handover | undefined> {
    return this.kept().find((h) => h.id === id);
  }

  async update(
    id: number,
    change: (h: Handover) => Handover | undefined,
  ): Promise<Handover | undefined> {
    const current = this.kept().find((h) => h.id === id);
    const changed = current && change(current);
    if (!changed) return current;
    this.write(
      this.lastId,
      this.handovers.map((h) => (h.id === id ? { ...changed, id } : h)),
    );
    return { ...changed, id };
  }

  async remove(id: number): Promise<void> {
    this.write(
      this.lastId,
      this.handovers.filter((h) => h.id !== id),
    );
  }

  async list(): Promise<Handover[]> {
    return this.kept();
  }

  private kept(handovers = this.handovers): Handover[] {
    return stillKept(handovers, this.now());
  }

  /** Memory changes only once the file has: a failed write leaves both as they were. */
  private write(lastId: number, handovers: Handover[]): void {
    if (this.unreadable) throw this.unreadable;
    const kept = this.kept(handovers);
    mkdirSync(this.dir, { recursive: true });
    writeFileAtomic(this.path, JSON.stringify({ lastId, handovers: kept }), 0o600);
    this.lastId = lastId;
    this.handovers = kept;
  }

  private load(): void {
    let text: string;
    try {
      text = readFileSync(this.path, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return;
      this.unreadable = new Error(`${this.path} cannot be read; handovers are off until it can`);
      this.logger.error({ err, file: this.path }, this.unreadable.message);
      return;
    }
    const parsed = handoverBookSchema.safeParse(safeJson(text));
    if (parsed.success) {
      this.lastId = parsed.data.lastId;
      this.handovers = parsed.data.handovers;
      return;
    }
    // Kept for a person to look at, and out of the way so that new handovers can be written.
    const aside = join(this.dir, `handovers.unreadable-${this.now().getTime()}.json`);
    try {
      renameSync(this.path, aside);
    } catch (err) {
      this.unreadable = new Error(`${this.path} is not valid and cannot be moved aside`);
      this.logger.error({ err, file: this.path }, this.unreadable.message);
      return;
    }
    this.logger.error(
      { file: this.path, movedTo: aside, issues: parsed.error?.issues.slice(0, 3) },
      "handovers file is not valid; moved aside, starting with none",
    );
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
