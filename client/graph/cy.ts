// Creates the Cytoscape instance with Maillage's style (labels sized for the zoom) and fcose registered; large
// views are drawn by Cytoscape's WebGL renderer when the browser has WebGL 2, by the canvas one otherwise.
import cytoscape, { type Core, type CytoscapeOptions, type SingularElementArgument } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { isLargeView, setLabelZoom, setLargeView, stylesheet } from './style';

cytoscape.use(fcose);

export { LARGE_VIEW } from '../../model/force-layout';
/**
 * Past this many elements actors cannot be dragged: Cytoscape moves a grabbed actor to its drag layer at mouse
 * down and back at mouse up, redrawing every other element each time (seconds at 60,000 elements on a busy
 * machine) — a click's details waited behind those frames.
 */
export const DRAG_MAX = 20_000;

export type RendererName = 'webgl' | 'canvas';
export interface RendererChoice {
  name: RendererName;
  /** Why this renderer, in French (shown to the user when WebGL was wanted and is not there). */
  reason: string;
}

/** Whether this browser has WebGL 2 (Cytoscape's WebGL renderer needs it), and whether it runs on the CPU. */
export function webgl2Info(): { available: boolean; software: boolean; gpu?: string } {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return { available: false, software: false };
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const gpu = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { available: true, software: /swiftshader|llvmpipe|softpipe|software/i.test(gpu), gpu };
  } catch {
    return { available: false, software: false };
  }
}

/**
 * WebGL for large views, canvas for small ones (crisper labels, dashed lines) and when WebGL is missing.
 * `?renderer=canvas` or `?renderer=webgl` in the page's address forces one (benches, a misbehaving GPU).
 */
export function chooseRenderer(large: boolean): RendererChoice {
  const forced = new URLSearchParams(location.search).get('renderer');
  if (forced === 'canvas') return { name: 'canvas', reason: 'rendu canvas demandé dans l’adresse' };
  if (!large && forced !== 'webgl') return { name: 'canvas', reason: 'petit réseau : rendu canvas' };
  const gl = webgl2Info();
  if (!gl.available) return { name: 'canvas', reason: 'WebGL 2 indisponible dans ce navigateur : rendu canvas, plus lent sur les grands réseaux' };
  // Measured (bench/README.md): WebGL emulated on the CPU (SwiftShader) pans a 2k/5k network at under 1 fps,
  // the canvas renderer at 60 — so WebGL only where a GPU draws it, unless the address asks for it.
  if (gl.software && forced !== 'webgl') return { name: 'canvas', reason: `WebGL émulé sans carte graphique (${gl.gpu}) : rendu canvas, plus rapide ici` };
  return { name: 'webgl', reason: forced === 'webgl' ? 'rendu WebGL demandé dans l’adresse' : 'grand réseau : rendu WebGL' };
}

/**
 * Makes `ele` the only selected element (none when absent). Large views do not let Cytoscape select on a tap
 * (style.ts, setLargeView): the app selects there itself, once the details are shown.
 */
export function selectOnly(cy: Core, ele?: SingularElementArgument): void {
  const locked = cy.autounselectify();
  cy.autounselectify(false);
  const selected = cy.$(':selected');
  (ele ? selected.difference(ele) : selected).unselect();
  if (ele && !ele.selected()) ele.select();
  cy.autounselectify(locked);
}

/**
 * Holds Cytoscape's frames until the returned function is called, or `maxMs` at most: while the core is batching its
 * render loop neither draws nor does its texture caches' work (`startRenderLoop`: "mid-batch, none of these should
 * run"), and changes made meanwhile are drawn in the first frame after. After a zoom, a 60,000-element view rebuilds
 * its texture layers for seconds, and each frame of that — up to 1.3 s drawing every element while a layer is missing —
 * ran before the details panel's answer could be handled (bench/README.md, after 7): a selection holds them until its
 * panel is painted. Calling the function again does nothing; `onRelease` is called once, however it ends.
 */
export function holdFrames(cy: Core, maxMs: number, onRelease?: () => void): () => void {
  cy.startBatch();
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    clearTimeout(timer);
    cy.endBatch();
    onRelease?.();
  };
  const timer = setTimeout(release, maxMs);
  return release;
}

let pressSkipped = false;

/**
 * Cytoscape marks the element under a mouse down `:active` (activate(), undone at mouse up) and tells the renderer,
 * which re-renders the cached texture layers holding the element: on a 60,000-element view that was 0.3–0.7 s per
 * press, before the click's tap — and so the details — could be handled (bench/README.md). No option turns it off,
 * so in a large view activate() does nothing: the details panel, not a grey overlay, answers the click there.
 * (Elements share one prototype; unactivate() of an element never activated notifies nothing.)
 */
function skipPressStateInLargeViews(cy: Core): void {
  if (pressSkipped) return;
  pressSkipped = true;
  const proto = Object.getPrototypeOf(cy.collection()) as { activate: (this: { length: number; cy(): Core }, ...args: unknown[]) => unknown };
  const activate = proto.activate;
  proto.activate = function (...args) {
    if (args.length === 0 && this.length > 0 && isLargeView(this.cy())) return this;
    return activate.apply(this, args);
  };
}

/** `large`: the view will hold more than LARGE_VIEW elements (its cheaper style is set before they arrive). */
export function createCy(container: HTMLElement, renderer: RendererChoice = { name: 'canvas', reason: '' }, large = false): Core {
  const options: CytoscapeOptions = {
    container,
    style: stylesheet(),
    wheelSensitivity: 0.25,
    minZoom: 0.02,
    maxZoom: 4,
    boxSelectionEnabled: false,
    selectionType: 'single',
    // A large view pans and zooms a snapshot of itself (redrawn once the gesture stops): redrawing thousands of
    // elements at every mouse move held panning a 2k/5k network under 30 fps on the canvas renderer.
    textureOnViewport: large,
  };
  const cy = cytoscape(renderer.name === 'webgl'
    ? { ...options, renderer: { name: 'canvas', webgl: true } } as CytoscapeOptions
    : options);
  skipPressStateInLargeViews(cy);
  setLargeView(cy, large);
  // Where tests, benches and the curious read which renderer draws the network.
  document.body.dataset.renderer = renderer.name;
  document.body.dataset.rendererReason = renderer.reason;
  // Label sizes follow the zoom (see labelFont): recomputed at most once a frame, and only across steps.
  let frame = 0;
  cy.on('zoom', () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (!setLabelZoom(cy.zoom())) return;
      // A large view names only its hubs (explore.ts): restyling them is enough, and stays cheap at 60k elements.
      // (updateStyle is the collection method Cytoscape itself calls after a class change; untyped.)
      if (isLargeView(cy)) (cy.nodes('.hub') as unknown as { updateStyle(): void }).updateStyle();
      else cy.style().update();
    });
  });
  return cy;
}
