import { InputProblem } from "./input-problem";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** A sent file as text: refused when it is binary or not UTF-8, never read as garbage. */
export function textOfBytes(bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new InputProblem("berkas biner, bukan teks; kirim berkas .txt");
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new InputProblem("berkas bukan teks UTF-8; simpan ulang sebagai UTF-8 lalu kirim lagi");
  }
}
