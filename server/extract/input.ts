// The text of what the user brings: pasted text, or a .txt, .html (main text, boilerplate dropped by
// Mozilla's Readability on a jsdom document) or .pdf file (its text layer, read by unpdf/PDF.js).
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
import { EXTRACT_MAX_CHARS } from '../../model/schema';
import { AppError } from '../errors';

export class UnreadableFileError extends AppError {
  constructor(name: string, why: string) {
    super('UnreadableFile', 422, `${name}: ${why}`, { file: name });
  }
}

export class TextTooLongError extends AppError {
  constructor(length: number) {
    super('PayloadTooLarge', 413, `the text has ${length} characters; at most ${EXTRACT_MAX_CHARS} are read at once: split the document`, { length, max: EXTRACT_MAX_CHARS });
  }
}

/** Line breaks as \n, no control characters, no trailing spaces: offsets then mean the same everywhere. */
export function normaliseText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, figcaption, pre, tr, div, section, article, br';

/** The main text of an HTML page, paragraphs kept apart. */
export function htmlToText(html: string, name = 'page.html'): string {
  // No scripts run and nothing is fetched: jsdom only parses.
  const document = new JSDOM(html).window.document;
  const article = new Readability(document.cloneNode(true) as Document, { charThreshold: 200 }).parse();
  const body = article?.content ? new JSDOM(`<!doctype html><html><body>${article.content}</body></html>`).window.document : document;
  for (const el of body.querySelectorAll('script, style, noscript, nav, footer, header, aside, form')) el.remove();
  for (const el of body.querySelectorAll(BLOCKS)) el.after(body.createTextNode('\n\n'));
  const text = (body.body?.textContent ?? '').replace(/[ \t\u00a0]+/g, (m) => (m.includes('\u00a0') ? '\u00a0' : ' ')).split('\n').map((l) => l.trim()).join('\n');
  const out = normaliseText(text);
  if (!out) throw new UnreadableFileError(name, 'no text found in this page');
  const title = article?.title?.trim();
  return title && !out.startsWith(title) ? `${title}\n\n${out}` : out;
}

/** The text layer of a PDF, read in a worker thread stopped after `timeoutMs`; a scan without text is refused. */
export async function pdfToText(bytes: Uint8Array, name = 'document.pdf', timeoutMs = 15_000): Promise<string> {
  const answer = await new Promise<{ text?: string; error?: string }>((resolve) => {
    const worker = new Worker(path.join(__dirname, 'pdf-worker.mjs'), { workerData: { bytes } });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ error: `not read within ${timeoutMs} ms` });
    }, timeoutMs);
    worker.once('message', (m: { text?: string; error?: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      resolve({ error: e.message });
    });
  });
  if (answer.error !== undefined) throw new UnreadableFileError(name, `not a readable PDF (${answer.error})`);
  const out = normaliseText(answer.text ?? '');
  if (!out) throw new UnreadableFileError(name, 'this PDF has no text layer (a scan?): paste its text instead');
  return out;
}

/** The text to extract from, from pasted text or a file, bounded in length. */
export async function readInput(input: { text?: string; file?: { name: string; content: string } }): Promise<string> {
  let text: string;
  if (input.file) {
    const { name, content } = input.file;
    const bytes = Buffer.from(content, 'base64');
    if (/\.pdf$/i.test(name)) text = await pdfToText(new Uint8Array(bytes), name);
    else {
      const decoded = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
      text = /\.html?$/i.test(name) ? htmlToText(decoded, name) : normaliseText(decoded);
    }
    if (!text) throw new UnreadableFileError(name, 'the file holds no text');
  } else text = normaliseText(input.text ?? '');
  if (text.length > EXTRACT_MAX_CHARS) throw new TextTooLongError(text.length);
  return text;
}
