import { SharedDocument } from "../../storage/shared-document";
import type { Storage } from "../../storage/storage";
import {
  type Handover,
  type HandoverBook,
  type HandoverStore,
  handoverBookSchema,
  type NewHandover,
  stillKept,
} from "./store";

/**
 * Handovers in the storage every instance shares (REDIS_URL), so that an officer's reply is
 * relayed by whichever instance Telegram hands it to. Each change reads and writes the whole
 * document under the document's lock, as the file store does under its single process.
 */
export class SharedHandoverStore implements HandoverStore {
  private readonly doc: SharedDocument<typeof handoverBookSchema>;

  constructor(
    storage: Storage,
    private readonly now: () => Date,
  ) {
    this.doc = new SharedDocument(storage, "handover:all", handoverBookSchema, () => ({
      lastId: 0,
      handovers: [],
    }));
  }

  add(handover: NewHandover): Promise<Handover> {
    return this.doc.change((d) => {
      const added = { ...handover, id: d.lastId + 1 };
      return {
        doc: this.pruned({ lastId: added.id, handovers: [...d.handovers, added] }),
        result: added,
      };
    });
  }

  async get(id: number): Promise<Handover | undefined> {
    return (await this.list()).find((h) => h.id === id);
  }

  update(id: number, change: (h: Handover) => Handover | undefined): Promise<Handover | undefined> {
    return this.doc.change((d) => {
      const current = this.pruned(d).handovers.find((h) => h.id === id);
      const changed = current && change(current);
      if (!changed) return { result: current };
      const handovers = d.handovers.map((h) => (h.id === id ? { ...changed, id } : h));
      return { doc: this.pruned({ ...d, handovers }), result: { ...changed, id } };
    });
  }

  remove(id: number): Promise<void> {
    return this.doc.change((d) => ({
      doc: this.pruned({ ...d, handovers: d.handovers.filter((h) => h.id !== id) }),
      result: undefined,
    }));
  }

  async list(): Promise<Handover[]> {
    return this.pruned(await this.doc.read()).handovers;
  }

  private pruned(d: HandoverBook): HandoverBook {
    return { ...d, handovers: stillKept(d.handovers, this.now()) };
  }
}
