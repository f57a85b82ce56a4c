// Entry of the layout worker thread, in plain JavaScript: a worker starts without the parent's TypeScript
// hooks (ts-jest's transform never reaches it), so it registers tsx's and then loads the TypeScript worker;
// the same under `npm start` (tsx), jest and plain node.
'use strict';
require('tsx/cjs/api').register();
require('./worker.ts');
