import type { PhotoSize } from "grammy/types";

export interface ImageSize {
  width: number;
  height: number;
}

/** Pixel size of a PNG or JPEG, which is what Telegram needs to make the photo's thumbnails. */
export function imageSize(data: Buffer): ImageSize | undefined {
  if (
    data.length >= 24 &&
    data.readUInt32BE(0) === 0x89504e47 &&
    data.toString("latin1", 12, 16) === "IHDR"
  ) {
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  if (data[0] !== 0xff || data[1] !== 0xd8) return undefined;
  let i = 2;
  while (i + 9 < data.length && data[i] === 0xff) {
    const marker = data[i + 1] ?? 0;
    // Start-of-frame markers carry the size; C4, C8 and CC share the range but are other tables.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: data.readUInt16BE(i + 5), width: data.readUInt16BE(i + 7) };
    }
    i += 2 + data.readUInt16BE(i + 2);
  }
  return undefined;
}

// Telegram keeps the original (at most 2560 px) plus downscaled copies with these longest sides.
const SIDES = [90, 320, 800, 1280, 2560];

export function photoSizes(serial: number, size: ImageSize, bytes: number): PhotoSize[] {
  const longest = Math.max(size.width, size.height);
  const sizes: PhotoSize[] = [];
  for (const side of SIDES) {
    const scale = Math.min(1, side / longest);
    const tag = Buffer.from(`${serial}:${side}`).toString("base64url");
    sizes.push({
      file_id: `AgACAgIAAxkDAAI${tag}`,
      file_unique_id: `AQAD${tag}`,
      width: Math.round(size.width * scale),
      height: Math.round(size.height * scale),
      file_size: Math.max(1, Math.round(bytes * scale * scale)),
    });
    if (scale === 1) break;
  }
  return sizes;
}
