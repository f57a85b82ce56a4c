// Entry of the tests' echo worker thread (plain JS registering tsx, like the app's worker entries).
'use strict';
require('tsx/cjs/api').register();
require('./echo-worker.ts');
