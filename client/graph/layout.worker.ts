// The Web Worker that lays out large views off the main thread (see force-layout.ts for the protocol).
import { layoutWorkerCore, type LayoutMessage, type LayoutReply } from '../../model/force-layout';

const scope = self as unknown as { postMessage(m: LayoutReply, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent<LayoutMessage>) => void) | null };
const handle = layoutWorkerCore((m, transfer) => scope.postMessage(m, transfer ?? []), (f) => setTimeout(f, 0));
scope.onmessage = (e) => handle(e.data);
