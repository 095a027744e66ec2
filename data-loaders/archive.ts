// A minimal, deterministic tar.gz writer for loader output. Framework extracts members of a `.tgz`
// loader's output on demand (`FileAttachment("data/report/x.json")`), which lets one process run the
// whole pipeline once per build and still hand each page only the files it reads. Fixed mtime, owner
// and mode keep the archive byte-identical for identical content.
import {gzipSync} from "node:zlib";

export interface ArchiveEntry {
  name: string;
  content: string | Uint8Array;
}

const BLOCK = 512;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, "0") + "\0";
}

function header(name: string, size: number): Uint8Array {
  if (Buffer.byteLength(name) > 100) throw new Error(`archive: member name too long: ${name}`);
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, "utf8");
  block.write(octal(0o644, 8), 100, "ascii"); // mode
  block.write(octal(0, 8), 108, "ascii"); // uid
  block.write(octal(0, 8), 116, "ascii"); // gid
  block.write(octal(size, 12), 124, "ascii");
  block.write(octal(0, 12), 136, "ascii"); // mtime: epoch, for reproducible output
  block.fill(" ", 148, 156); // checksum is computed with its own field as spaces
  block.write("0", 156, "ascii"); // regular file
  block.write("ustar\0", 257, "ascii");
  block.write("00", 263, "ascii");
  let checksum = 0;
  for (const byte of block) checksum += byte;
  block.write(octal(checksum, 7) + " ", 148, "ascii");
  return block;
}

/** Members are written in the order given; callers sort them if order should not depend on code paths. */
export function tarGz(entries: ArchiveEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const {name, content} of entries) {
    const body = typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content);
    parts.push(header(name, body.length), body);
    const padding = (BLOCK - (body.length % BLOCK)) % BLOCK;
    if (padding) parts.push(Buffer.alloc(padding));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return gzipSync(Buffer.concat(parts), {level: 9});
}
