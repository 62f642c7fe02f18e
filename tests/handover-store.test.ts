import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { FileHandoverStore } from "../src/bot/handover/file-store";
import type { NewHandover } from "../src/bot/handover/store";
import { createLogger } from "../src/logger";

const START = new Date("2026-11-22T09:00:00Z");

function setup() {
  const dir = mkdtempSync(join(tmpdir(), "umkm-handovers-"));
  let logs = "";
  const logger = createLogger("debug", {
    destination: new Writable({
      write(chunk, _encoding, done) {
        logs += chunk;
        done();
      },
    }),
  });
  const clock = { now: START };
  const open = () => new FileHandoverStore(dir, logger, () => clock.now);
  return { dir, clock, open, logs: () => logs };
}

function draft(question: string, at = START): NewHandover {
  return {
    status: "draft",
    question,
    botAnswer: "Belum ada data.",
    askerChatId: 42,
    questionMessageId: 7,
    createdAt: at.toISOString(),
  };
}

const later = (ms: number) => new Date(START.getTime() + ms);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("the handovers file", () => {
  it("keeps what a new store reads again, written whole with mode 0600", async () => {
    const { dir, open } = setup();
    const store = open();
    const a = await store.add(draft("koperasi di aceh"));
    const b = await store.add(draft("koperasi di bali"));
    expect([a.id, b.id]).toEqual([1, 2]);
    await store.update(a.id, (h) => ({ ...h, status: "open", handedAt: START.toISOString() }));
    await store.remove(b.id);
    expect(statSync(join(dir, "handovers.json")).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(["handovers.json"]);

    const again = open();
    expect(await again.list()).toEqual([{ ...a, status: "open", handedAt: START.toISOString() }]);
    // Numbers are never given twice, even after the newest was removed.
    expect((await again.add(draft("koperasi di ntb"))).id).toBe(3);
  });

  it("changes a handover only as the change says, on the copy it holds now", async () => {
    const { open } = setup();
    const store = open();
    const { id } = await store.add(draft("koperasi di aceh"));
    expect(await store.update(id, () => undefined)).toMatchObject({ status: "draft" });
    expect(await store.update(99, (h) => ({ ...h, status: "open" }))).toBeUndefined();
    await store.update(id, (h) => ({ ...h, status: "answered", closedAt: START.toISOString() }));
    const reminded = await store.update(id, (h) =>
      h.status === "open" ? { ...h, remindedAt: START.toISOString() } : undefined,
    );
    expect(reminded).toMatchObject({ status: "answered" });
    expect(reminded?.remindedAt).toBeUndefined();
  });

  it("forgets drafts after an hour and closed ones 30 days after closing, never open ones", async () => {
    const { open, clock } = setup();
    const store = open();
    const kept = await store.add(draft("masih draf"));
    const old = await store.add(draft("draf lama"));
    await store.update(old.id, (h) => ({ ...h, createdAt: later(-2 * HOUR).toISOString() }));
    const closed = await store.add(draft("sudah dijawab"));
    await store.update(closed.id, (h) => ({
      ...h,
      status: "answered",
      closedAt: START.toISOString(),
    }));
    const waiting = await store.add(draft("menunggu"));
    await store.update(waiting.id, (h) => ({ ...h, status: "open" }));
    expect((await store.list()).map((h) => h.question)).toEqual([
      "masih draf",
      "sudah dijawab",
      "menunggu",
    ]);
    clock.now = later(31 * DAY);
    expect((await store.list()).map((h) => h.id)).toEqual([waiting.id]);
    expect(await store.get(kept.id)).toBeUndefined();
  });

  it("moves a file it cannot understand aside, says so, and starts empty", async () => {
    const { dir, open, logs } = setup();
    writeFileSync(join(dir, "handovers.json"), '{"lastId": "tiga"}');
    const store = open();
    expect(await store.list()).toEqual([]);
    expect(logs()).toContain("handovers file is not valid; moved aside, starting with none");
    const aside = readdirSync(dir).find((f) => f.startsWith("handovers.unreadable-"));
    expect(readFileSync(join(dir, aside as string), "utf8")).toBe('{"lastId": "tiga"}');
    expect((await store.add(draft("koperasi di aceh"))).id).toBe(1);
  });

  it("refuses to write over a file it could not read", async () => {
    const { dir, open, logs } = setup();
    // A folder where the file should be: there, but not readable as a file.
    mkdirSync(join(dir, "handovers.json"));
    const store = open();
    await expect(store.add(draft("koperasi di aceh"))).rejects.toThrow("cannot be read");
    expect(logs()).toContain("cannot be read; handovers are off until it can");
  });
});
