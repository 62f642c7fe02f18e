import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readDataSettings } from "../src/config";
import { KnowledgeStore } from "../src/knowledge/store";
import { dataPaths } from "../src/paths";
import { copyOfSeeds } from "./helpers/knowledge";

describe("the knowledge store", () => {
  it("runs reloads asked for at once one after the other, and keeps the old table on a bad file", async () => {
    const seeds = copyOfSeeds();
    const store = new KnowledgeStore({ ...dataPaths(readDataSettings({})), seedsDir: seeds });
    const before = store.current;
    writeFileSync(
      join(seeds, "articles", "009.txt"),
      "---\noutlet: X\npublished: 2024-02-30\ntitle: T\n---\nIsi.\n",
    );
    const [a, b] = await Promise.all([store.reload(), store.reload()]);
    expect(a.ok || b.ok).toBe(false);
    expect(a.at.getTime()).toBeLessThanOrEqual(b.at.getTime());
    expect(store.current).toBe(before);
    writeFileSync(
      join(seeds, "articles", "009.txt"),
      "---\noutlet: X\npublished: 2024-02-29\ntitle: T\n---\nJumlah UMKM di Bali mencapai 1.234 unit.\n",
    );
    const fixed = await store.reload();
    expect(fixed.ok && fixed.summary).toBe("+1 artikel (X, 29 Februari 2024), +1 fakta, -0, ~0");
    expect(store.current).not.toBe(before);
  });
});
