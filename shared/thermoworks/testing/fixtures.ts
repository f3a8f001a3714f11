/**
 * The protocol fixtures (`./fixtures`, the project's own copies of the documented ThermoWorks shapes), read at test
 * time so the contract tests pin exactly the shapes the protocol notes describe.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDocument, type FirestoreDocument } from '../firestore-document';

export const fixturesDir = resolve(import.meta.dirname, 'fixtures');

export function fixtureNames(): string[] {
  return readdirSync(fixturesDir).filter((f) => f.endsWith('.json')).sort();
}

export function readFixture(name: string): unknown {
  return JSON.parse(readFileSync(resolve(fixturesDir, name.endsWith('.json') ? name : `${name}.json`), 'utf8')) as unknown;
}

export function fixtureText(name: string): string {
  return readFileSync(resolve(fixturesDir, name.endsWith('.json') ? name : `${name}.json`), 'utf8');
}

export function fixtureDocument(name: string): FirestoreDocument {
  return parseDocument(readFixture(name));
}
