import { writeFileSync } from 'node:fs';

// electron-builder converts build/icon.png into .icns / .ico with a tool it downloads; icon files that hold the
// PNG as it is need no conversion, so the offline packaging tests write these and pass them as the icon.

/** An Apple icon file holding one 512×512 PNG (type `ic09`), which electron-builder copies as it is. */
export function writeIcns(png: Buffer, file: string): void {
  const entry = Buffer.concat([Buffer.from('ic09', 'ascii'), uint32(8 + png.length), png]);
  writeFileSync(file, Buffer.concat([Buffer.from('icns', 'ascii'), uint32(8 + entry.length), entry]));
}

function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value);
  return bytes;
}

/** A Windows icon file holding one PNG (width/height 0 = 256 or more, 32 bits). */
export function writeIco(png: Buffer, file: string): void {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(1, 4);
  header.writeUInt16LE(1, 10);
  header.writeUInt16LE(32, 12);
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(22, 18);
  writeFileSync(file, Buffer.concat([header, png]));
}
