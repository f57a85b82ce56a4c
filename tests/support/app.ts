// Builds the Express app on the test database for supertest.
import type { Express } from 'express';
import { createApp } from '../../server/app';
import type { Db } from '../../server/db';

export function testApp(db: Db): Express {
  return createApp(db);
}
