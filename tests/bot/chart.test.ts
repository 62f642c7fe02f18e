import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { UploadedFile } from "../../packages/fake-telegram";
import { GROUP, nextReply, OFFICER, PRIVATE, type Running, startBot } from "./harness";

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("trend charts in the chat", () => {
  // A bot each: the first chart of a series is uploaded, later ones are sent by file id.
  let r: Running;
  beforeEach(async () => {
    r = await startBot();
  });
  afterEach(() => r.stop());

  const photoOf = (params: Record<string, unknown>) => {
    const ref = String(params.photo);
    expect(ref).toMatch(/^attach:\/\//);
    return params[ref.slice("attach://".length)] as UploadedFile;
  };

  /** Asks for the go-digital trend in the private chat; the file id Telegram gave its chart. */
  const goDigitalChartId = async () => {
    const since = r.fake.calls.length;
    r.fake.sendText({ chat: PRIVATE, from: OFFICER, text: "perkembangan UMKM go digital" });
    await nextReply(r.fake, PRIVATE.id, since, "sendPhoto");
    return r.fake.sentMessages(PRIVATE.id).at(-1)?.photo?.at(-1)?.file_id;
  };

  it("sends a PNG chart with its sources after a trend question in a private chat", async () => {
    const since = r.fake.calls.length;
    r.fake.sendText({ chat: PRIVATE, from: OFFICER, text: "perkembangan UMKM go digital" });
    const text = await nextReply(r.fake, PRIVATE.id, since);
    expect(String(text.params.text)).toContain("• 2021: 17,28 juta (ANTARA, 2023)");
    const photo = await nextReply(r.fake, PRIVATE.id, since, "sendPhoto");
    expect(photo.status).toBe(200);
    const file = photoOf(photo.params);
    expect(file.data.subarray(0, 8).equals(PNG)).toBe(true);
    expect(file.data.readUInt32BE(16)).toBe(1000);
    expect(file.data.readUInt32BE(20)).toBe(600);
    expect(String(photo.params.caption)).toContain("Bisnis.com (4 Desember 2023)");
  });

  it("sends it as a reply in a group", async () => {
    const fileId = await goDigitalChartId();
    expect(fileId).toBeDefined();
    const since = r.fake.calls.length;
    const asked = r.fake.sendText({
      chat: GROUP,
      from: OFFICER,
      text: `/tanya@${r.fake.botUser.username} tren umkm go digital dari tahun ke tahun`,
    });
    const photo = await nextReply(r.fake, GROUP.id, since, "sendPhoto");
    expect(photo.status).toBe(200);
    // The same chart: sent by the file id Telegram gave the upload, with no new upload.
    expect(photo.params.photo).toBe(fileId);
    expect((photo.params.reply_parameters as { message_id: number }).message_id).toBe(asked);
  });

  it("offers a chart button under an answer with a history, and sends the chart when pressed", async () => {
    const fileId = await goDigitalChartId();
    expect(fileId).toBeDefined();
    const since = r.fake.calls.length;
    r.fake.sendText({ chat: PRIVATE, from: OFFICER, text: "berapa umkm go digital" });
    await nextReply(r.fake, PRIVATE.id, since);
    const answer = r.fake.sentMessages(PRIVATE.id).at(-1);
    if (!answer) throw new Error("no answer");
    const button = answer.reply_markup?.inline_keyboard.flat()[0] as {
      text: string;
      callback_data: string;
    };
    expect(button.text).toBe("📈 Lihat grafik");
    const pressAt = r.fake.calls.length;
    r.fake.pressButton({ from: OFFICER, message: answer, data: button.callback_data });
    const photo = await nextReply(r.fake, PRIVATE.id, pressAt, "sendPhoto");
    expect(photo.status).toBe(200);
    expect(photo.params.photo).toBe(fileId);
  });

  it("gives no chart button to an answer with one point only", async () => {
    const since = r.fake.calls.length;
    r.fake.sendText({ chat: PRIVATE, from: OFFICER, text: "jabar umkm ada brp" });
    await nextReply(r.fake, PRIVATE.id, since);
    expect(r.fake.sentMessages(PRIVATE.id).at(-1)?.reply_markup).toBeUndefined();
  });
});
