// Entry of the import's split worker thread, in plain JavaScript: a worker starts without the parent's TypeScript
// hooks (ts-jest's transform never reaches it), so it registers tsx's and then loads the TypeScript worker.
'use strict';
require('tsx/cjs/api').register();
require('./split-worker.ts');
