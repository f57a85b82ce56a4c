// Vite bundles a module imported with ?worker as a Web Worker and hands back its constructor.
declare module '*?worker' {
  const WorkerConstructor: new () => Worker;
  export default WorkerConstructor;
}
