// Checks a workbook's zip (XLSX, ODS) before any reader inflates it: declared sizes and ratios, entries laid end to end
// (nothing hidden for a streaming reader to find), then the actual inflated sizes, counted while inflating.
import fs from 'node:fs';
import yauzl from 'yauzl';

export interface ZipLimits {
  /** Sum of the entries' uncompressed sizes. */
  maxTotalBytes: number;
  /** Any one entry's uncompressed size. */
  maxEntryBytes: number;
  /** Uncompressed / compressed, for entries of at least `ratioFloorBytes` (small entries compress wildly and harmlessly). */
  maxRatio: number;
  ratioFloorBytes: number;
  maxEntries: number;
}

/** Spreadsheet XML compresses 5–30×, highly repetitive sheets up to ~100×; zip bombs go far past 1000×. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 2 * 1024 ** 3,
  maxEntryBytes: 1.5 * 1024 ** 3,
  maxRatio: 250,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 5000,
};

export interface ZipEntryInfo {
  name: string;
  compressed: number;
  uncompressed: number;
}

export type ZipCheck = { ok: true; entries: ZipEntryInfo[] } | { ok: false; code: 'zip-invalid' | 'zip-bomb'; message: string };

const mb = (n: number) => `${Math.round(n / 1024 / 1024).toLocaleString('fr-FR')} Mo`;

/** Opens a zip for reading entries one by one (the file stays open until `close()`). */
export function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (err, zf) => (err ? reject(err) : resolve(zf))),
  );
}

/** The central directory's entries, refused past `max`. */
export function readEntries(zf: yauzl.ZipFile, max: number): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const out: yauzl.Entry[] = [];
    zf.on('entry', (e: yauzl.Entry) => {
      out.push(e);
      if (out.length > max) reject(new Error(`more than ${max} entries`));
      else zf.readEntry();
    });
    zf.on('end', () => resolve(out));
    zf.on('error', reject);
    zf.readEntry();
  });
}

async function readAt(fd: fs.promises.FileHandle, pos: number, n: number): Promise<Buffer> {
  const b = Buffer.alloc(n);
  const { bytesRead } = await fd.read(b, 0, n, pos);
  return b.subarray(0, bytesRead);
}

/** Offset of the central directory from the end-of-central-directory record; undefined for zip64 (not checked). */
async function centralDirectoryOffset(fd: fs.promises.FileHandle, size: number): Promise<number | undefined> {
  const n = Math.min(size, 65557);
  const tail = await readAt(fd, size - n, n);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      const off = tail.readUInt32LE(i + 16);
      return off === 0xffffffff ? undefined : off;
    }
  }
  return undefined;
}

/**
 * Refuses what is not a sound zip or would inflate beyond the limits. The checks run on the central directory
 * (declared sizes, ratios), on the local headers (every byte before the central directory belongs to a listed
 * entry, so a streaming reader meets nothing else), and while inflating each entry (actual size = declared).
 */
export async function checkZip(path: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS, book = { ext: '.xlsx', app: 'Excel' }): Promise<ZipCheck> {
  let zf: yauzl.ZipFile;
  try {
    zf = await openZip(path);
  } catch (e) {
    return { ok: false, code: 'zip-invalid', message: `ce classeur n'est pas une archive zip lisible (${(e as Error).message}) : un fichier ${book.ext} est un zip ; enregistrez-le de nouveau depuis ${book.app}` };
  }
  try {
    let entries: yauzl.Entry[];
    try {
      entries = await readEntries(zf, limits.maxEntries);
    } catch (e) {
      return { ok: false, code: 'zip-invalid', message: `archive zip illisible : ${(e as Error).message}` };
    }
    let total = 0;
    for (const e of entries) {
      if (e.isEncrypted()) return { ok: false, code: 'zip-invalid', message: `l'archive contient un élément chiffré (${e.fileName}) : enregistrez le classeur sans mot de passe` };
      total += e.uncompressedSize;
      if (e.uncompressedSize > limits.maxEntryBytes || total > limits.maxTotalBytes) {
        return { ok: false, code: 'zip-bomb', message: `le classeur se décompresserait en plus de ${mb(Math.min(limits.maxEntryBytes, limits.maxTotalBytes))} : refusé (bombe zip ?)` };
      }
      if (e.uncompressedSize >= limits.ratioFloorBytes && e.uncompressedSize / Math.max(1, e.compressedSize) > limits.maxRatio) {
        return {
          ok: false,
          code: 'zip-bomb',
          message: `l'élément ${e.fileName} se décompresse ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))} fois (${mb(e.uncompressedSize)}) : taux anormal, refusé (bombe zip ?)`,
        };
      }
    }
    const laidOut = await checkLayout(path, entries);
    if (laidOut) return { ok: false, code: 'zip-invalid', message: laidOut };
    for (const e of entries) {
      try {
        await drain(zf, e);
      } catch (err) {
        const msg = (err as Error).message;
        const bomb = /too many bytes/i.test(msg);
        return { ok: false, code: bomb ? 'zip-bomb' : 'zip-invalid', message: bomb ? `l'élément ${e.fileName} se décompresse au-delà de la taille qu'il annonce : refusé (bombe zip ?)` : `l'élément ${e.fileName} est illisible : ${msg}` };
      }
    }
    return { ok: true, entries: entries.map((e) => ({ name: e.fileName, compressed: e.compressedSize, uncompressed: e.uncompressedSize })) };
  } finally {
    zf.close();
  }
}

/** A message when the entries do not tile the file up to the central directory (hidden or overlapping data). */
async function checkLayout(path: string, entries: yauzl.Entry[]): Promise<string | undefined> {
  const fd = await fs.promises.open(path, 'r');
  try {
    const size = (await fd.stat()).size;
    const cd = await centralDirectoryOffset(fd, size);
    const sorted = [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
    let expected = 0;
    for (const e of sorted) {
      const start = e.relativeOffsetOfLocalHeader;
      // A data descriptor (12 to 24 bytes) may follow each entry's data.
      if (start < expected || start - expected > 24) return `archive zip irrégulière : des données non répertoriées précèdent ${e.fileName}`;
      const h = await readAt(fd, start, 30);
      if (h.length < 30 || h.readUInt32LE(0) !== 0x04034b50) return `archive zip irrégulière : l'en-tête de ${e.fileName} est introuvable`;
      expected = start + 30 + h.readUInt16LE(26) + h.readUInt16LE(28) + e.compressedSize;
    }
    if (cd !== undefined && (cd < expected || cd - expected > 24)) return 'archive zip irrégulière : des données non répertoriées précèdent le répertoire central';
    return undefined;
  } finally {
    await fd.close();
  }
}

function drain(zf: yauzl.ZipFile, e: yauzl.Entry): Promise<void> {
  return new Promise((resolve, reject) => {
    zf.openReadStream(e, (err, s) => {
      if (err || !s) return reject(err ?? new Error('no stream'));
      s.on('error', reject);
      s.on('end', () => resolve());
      s.resume();
    });
  });
}

/** The text of one entry (small XML parts: workbook, relationships), read after checkZip has passed. */
export async function readZipText(path: string, name: string): Promise<string | undefined> {
  const zf = await openZip(path);
  try {
    const entries = await readEntries(zf, DEFAULT_ZIP_LIMITS.maxEntries);
    const e = entries.find((x) => x.fileName === name);
    if (!e) return undefined;
    return await new Promise<string>((resolve, reject) => {
      zf.openReadStream(e, (err, s) => {
        if (err || !s) return reject(err ?? new Error('no stream'));
        const parts: Buffer[] = [];
        s.on('data', (b: Buffer) => parts.push(b));
        s.on('error', reject);
        s.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
      });
    });
  } finally {
    zf.close();
  }
}
