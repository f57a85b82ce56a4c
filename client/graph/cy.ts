// Creates the Cytoscape instance with Maillage's style (labels sized for the zoom) and fcose registered.
import cytoscape, { type Core } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { setLabelZoom, stylesheet } from './style';

cytoscape.use(fcose);

export function createCy(container: HTMLElement): Core {
  const cy = cytoscape({
    container,
    style: stylesheet(),
    wheelSensitivity: 0.25,
    minZoom: 0.1,
    maxZoom: 4,
    boxSelectionEnabled: false,
    selectionType: 'single',
  });
  // Label sizes follow the zoom (see labelFont): recomputed at most once a frame, and only across steps.
  let frame = 0;
  cy.on('zoom', () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (setLabelZoom(cy.zoom())) cy.style().update();
    });
  });
  return cy;
}
