import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadLexicon } from "../src/lexicon/load";
import { projectRoot } from "../src/paths";

const intents = join(projectRoot(), "intents");
const copies: string[] = [];

/** A copy of intents/ with one file changed by `edit`. */
function intentsWith(file: string, edit: (data: Record<string, unknown>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), "intents-"));
  copies.push(dir);
  cpSync(intents, dir, { recursive: true });
  const data = JSON.parse(readFileSync(join(dir, file), "utf8"));
  edit(data);
  writeFileSync(join(dir, file), JSON.stringify(data, null, 2));
  return dir;
}

afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the word files in intents/", () => {
  it("load as they are shipped", () => {
    const lexicon = loadLexicon(intents);
    expect(lexicon.intents.joiners).toContain("dan");
    expect(lexicon.slang.suffix).toBe("nya");
  });

  it("name the file and the field of a joining word that is not one word", () => {
    const dir = intentsWith("intents.json", (d) => {
      d.joiners = ["dan", "serta juga"];
    });
    expect(() => loadLexicon(dir)).toThrow(/intents\.json: joiners\[1\]: /);
  });

  it("name the file and the field when the possessive suffix is missing", () => {
    const dir = intentsWith("slang.json", (d) => {
      delete d.suffix;
    });
    expect(() => loadLexicon(dir)).toThrow(/slang\.json: suffix: /);
  });

  it("name the file and the line of broken JSON", () => {
    const dir = intentsWith("time.json", () => {});
    writeFileSync(join(dir, "time.json"), '{\n  "months": [\n    "januari",,\n  ]\n}\n');
    expect(() => loadLexicon(dir)).toThrow(/time\.json:3: not valid JSON/);
  });
});
