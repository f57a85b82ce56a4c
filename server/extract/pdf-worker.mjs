// Reads the text layer of one PDF in a worker thread (unpdf's PDF.js build is an ES module; the thread can be
// stopped when a PDF takes too long). Receives { bytes }, answers { text } or { error }.
import { parentPort, workerData } from 'node:worker_threads';
import { extractText, getDocumentProxy } from 'unpdf';

try {
  const pdf = await getDocumentProxy(new Uint8Array(workerData.bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  parentPort.postMessage({ text });
} catch (e) {
  parentPort.postMessage({ error: e instanceof Error ? e.message : String(e) });
}
