/**
 * Every command the bot answers, once: the Telegram menu (setMyCommands), the help text and
 * the handlers all take their names from here, so a command is added or renamed in one place.
 * `menu` is shown in Telegram's command menu; `help` is its word in the admins' help line.
 */
export const COMMANDS = {
  tanya: {
    who: "everyone",
    menu: "Tanya statistik UMKM, contoh: /tanya berapa UMKM go digital 2023",
  },
  bantuan: { who: "everyone", menu: "Cara bertanya dan contoh pertanyaan" },
  sumber: { who: "everyone", menu: "Daftar berita sumber data" },
  data: { who: "everyone", menu: "Wilayah, data dan tahun yang tersedia" },
  unduh: { who: "everyone", menu: "Tabel fakta sebagai CSV, contoh: /unduh jatim" },
  langganan: { who: "everyone", menu: "Kabar angka baru setiap ada artikel baru" },
  berhenti: { who: "everyone", menu: "Berhenti berlangganan" },
  start: { who: "everyone", menu: "Mulai" },
  help: { who: "everyone" },
  tambah: { who: "admin", help: "artikel baru" },
  batal: { who: "admin" },
  artikel: { who: "admin" },
  hapus: { who: "admin" },
  batalhapus: { who: "admin" },
  reload: { who: "admin", help: "muat ulang data" },
  status: { who: "admin" },
  belumterjawab: { who: "admin" },
  antrian: { who: "officers", menu: "Pertanyaan yang menunggu petugas, terlama dulu" },
  tolak: { who: "officers", menu: "Balas pertanyaan dengan /tolak <alasan> untuk menolaknya" },
} as const satisfies Record<string, { who: Who; menu?: string; help?: string }>;

type Who = "everyone" | "admin" | "officers";
export type CommandName = keyof typeof COMMANDS;

type Entry = { who: Who; menu?: string; help?: string };
// Object.entries types its keys as any string; these are COMMANDS' own.
const entries = Object.entries(COMMANDS) as [CommandName, Entry][];

/** The Telegram menu for everyone, or for the officers' group (theirs added). */
export function commandMenu(officers = false): { command: string; description: string }[] {
  return entries.flatMap(([command, c]) =>
    c.menu && (c.who === "everyone" || (officers && c.who === "officers"))
      ? [{ command, description: c.menu }]
      : [],
  );
}

/** "/tambah (artikel baru), /artikel, …": the admins' commands for their help line. */
export function adminHelp(): string {
  return entries
    .filter(([command, c]) => c.who === "admin" && command !== "batal")
    .map(([command, c]) => (c.help ? `/${command} (${c.help})` : `/${command}`))
    .join(", ");
}
