/**
 * The route table and the handlers agree: every function named in the table has a handler that implements exactly
 * its routes, every handler file serves routes of the table, and each entry is complete enough for the pipeline,
 * the authorization matrix and the fuzz suite (strict schemas, path parameters that match the template).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod/mini';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeKeyOf } from '../shared/api/route-definition';
import { routeList } from '../shared/api/route-table';

const httpDir = path.join(import.meta.dirname, 'http');
/** `$default`'s handler: it answers what the table does not have, so it has no entries of its own. */
const FALLBACK = 'fallback';
const handlerFiles = readdirSync(httpDir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => f.replace(/\.ts$/, ''));

beforeAll(() => {
  // Handlers load their config at import, as in Lambda.
  process.env.TABLE_NAME ??= 'routes-test';
  process.env.AWS_REGION ??= 'us-east-1';
});

describe('route table ↔ handlers', () => {
  it('has a handler file for every function it names, and no handler file it does not name', () => {
    const named = [...new Set(routeList.map((r) => r.fn))].sort();
    expect(handlerFiles.filter((f) => f !== FALLBACK).sort()).toEqual(named);
    expect(handlerFiles).toContain(FALLBACK);
  });

  it.each(handlerFiles.filter((f) => f !== FALLBACK))('functions/http/%s.ts implements exactly its routes of the table', async (fn) => {
    const module = (await import(`./http/${fn}.ts`)) as { handler: { routeIds?: string[] } };
    expect(module.handler.routeIds).toEqual(routeList.filter((r) => r.fn === fn).map((r) => r.id).sort());
  });

  it('has one entry per method and path', () => {
    const keys = routeList.map(routeKeyOf);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('every route entry', () => {
  it.each(routeList.map((r) => [r.id, r] as const))('%s: strict query, strict body, params matching its path', (_id, route) => {
    const templateParams = [...route.path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]).sort();
    if (templateParams.length === 0) expect(route.params).toBeUndefined();
    else {
      expect(route.params).toBeInstanceOf(z.ZodMiniObject);
      expect(Object.keys((route.params as z.ZodMiniObject).shape).sort()).toEqual(templateParams);
    }
    // An unknown query parameter or body field is rejected, not ignored.
    expect(route.query, 'every route says what query it takes').toBeDefined();
    expect(z.safeParse(route.query!, { unexpected: 'x' }).success).toBe(false);
    if (route.body) expect(z.safeParse(route.body, { unexpected: 'x' }).success).toBe(false);
    if (route.method === 'GET') expect(route.body).toBeUndefined();
    expect(route.summary.length).toBeGreaterThan(10);
  });
});
