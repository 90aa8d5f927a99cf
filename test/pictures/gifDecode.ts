/**
 * A small GIF decoder for tests: reads what gifenc writes (global or local palettes, transparency,
 * "leave in place" disposal) and composites each frame onto the canvas, so a test sees the pictures
 * a viewer would see, not the encoder's bytes.
 */
export interface DecodedGif {
  width: number;
  height: number;
  /** each frame as shown: RGB triples, and its delay in ms */
  frames: { rgb: Uint8Array; delayMs: number }[];
}

function lzwDecode(minCodeSize: number, data: Uint8Array, pixelCount: number): Uint8Array {
  const out = new Uint8Array(pixelCount);
  const clear = 1 << minCodeSize;
  const end = clear + 1;
  let size = minCodeSize + 1;
  let dict: number[][] = [];
  const reset = () => {
    dict = Array.from({ length: clear + 2 }, (_, i) => [i]);
    size = minCodeSize + 1;
  };
  reset();
  let previous: number[] | null = null;
  let bits = 0;
  let value = 0;
  let written = 0;
  for (const byte of data) {
    value |= byte << bits;
    bits += 8;
    while (bits >= size) {
      const code = value & ((1 << size) - 1);
      value >>= size;
      bits -= size;
      if (code === clear) {
        reset();
        previous = null;
        continue;
      }
      if (code === end) return out;
      const entry: number[] = code < dict.length ? dict[code]! : [...previous!, previous![0]!];
      for (const index of entry) if (written < pixelCount) out[written++] = index;
      if (previous) dict.push([...previous, entry[0]!]);
      previous = entry;
      if (dict.length === 1 << size && size < 12) size++;
    }
  }
  return out;
}

export function decodeGif(bytes: Uint8Array): DecodedGif {
  const text = String.fromCharCode(...bytes.subarray(0, 6));
  if (text !== 'GIF89a' && text !== 'GIF87a') throw new Error(`not a GIF: ${JSON.stringify(text)}`);
  const u16 = (at: number) => bytes[at]! | (bytes[at + 1]! << 8);
  const width = u16(6);
  const height = u16(8);
  let at = 13;
  const table = (flags: number) => {
    const count = 2 << (flags & 7);
    const colors = bytes.subarray(at, at + count * 3);
    at += count * 3;
    return colors;
  };
  const globalTable = bytes[10]! & 0x80 ? table(bytes[10]!) : null;
  const canvas = new Uint8Array(width * height * 3);
  const frames: DecodedGif['frames'] = [];
  let delayMs = 0;
  let transparent: number | null = null;
  const blocks = (): Uint8Array => {
    const parts: number[] = [];
    for (let n = bytes[at++]!; n > 0; n = bytes[at++]!) {
      parts.push(...bytes.subarray(at, at + n));
      at += n;
    }
    return Uint8Array.from(parts);
  };
  while (at < bytes.length) {
    const kind = bytes[at++];
    if (kind === 0x3b) break;
    if (kind === 0x21) {
      const label = bytes[at++];
      const body = blocks();
      if (label === 0xf9) {
        delayMs = (body[1]! | (body[2]! << 8)) * 10;
        transparent = body[0]! & 1 ? body[3]! : null;
      }
      continue;
    }
    if (kind !== 0x2c) throw new Error(`unexpected GIF block 0x${kind?.toString(16)} at ${at - 1}`);
    const [x, y, w, h, flags] = [u16(at), u16(at + 2), u16(at + 4), u16(at + 6), bytes[at + 8]!];
    at += 9;
    const colors = flags & 0x80 ? table(flags) : globalTable!;
    const minCodeSize = bytes[at++]!;
    const indices = lzwDecode(minCodeSize, blocks(), w * h);
    for (let p = 0; p < w * h; p++) {
      const index = indices[p]!;
      if (index === transparent) continue;
      const target = ((y + Math.floor(p / w)) * width + x + (p % w)) * 3;
      canvas.set(colors.subarray(index * 3, index * 3 + 3), target);
    }
    frames.push({ rgb: canvas.slice(), delayMs });
  }
  return { width, height, frames };
}
