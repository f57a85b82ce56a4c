// Creates the Cytoscape instance with Maillage's style and the fcose layout registered.
import cytoscape, { type Core } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { stylesheet } from './style';

cytoscape.use(fcose);

export function createCy(container: HTMLElement): Core {
  return cytoscape({
    container,
    style: stylesheet(),
    wheelSensitivity: 0.25,
    minZoom: 0.1,
    maxZoom: 4,
    boxSelectionEnabled: false,
    selectionType: 'single',
  });
}
