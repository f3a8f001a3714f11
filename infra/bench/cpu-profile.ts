/**
 * A V8 CPU profile of this process over a stretch of a bench (node:inspector), with its samples put into a few
 * buckets that say where a poll's CPU goes: the fetch stack carrying ThermoWorks requests, the AWS SDK carrying
 * DynamoDB calls, the ThermoWorks client's own decoding, Pitwatch's domain and store code, garbage collection.
 */
import { Session } from 'node:inspector/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const BUCKETS: Array<{ name: string; test: (url: string) => boolean }> = [
  {
    name: 'ThermoWorks HTTP: node:http(s) requests (or fetch: undici, web streams)',
    test: (u) => u.includes('thermoworks/node-http-send') || u.includes('undici') || u.includes('webstreams') || u.includes('node:internal/fetch'),
  },
  {
    name: 'DynamoDB: AWS SDK v3 (middleware, signing, marshalling) + node:http',
    test: (u) => u.includes('@smithy/') || u.includes('@aws-sdk/') || u.includes('@aws-crypto/') || /node:_http_(client|outgoing|agent|common)/.test(u),
  },
  { name: 'ThermoWorks client: Firestore decoding, parsing, retries', test: (u) => u.includes('shared/thermoworks/') },
  { name: 'Pitwatch worker, stores, vault, zod', test: (u) => u.includes('/shared/') || u.includes('/zod/') },
];

export interface CpuBreakdown {
  /** Milliseconds of CPU (non-idle samples) per bucket. */
  buckets: Record<string, number>;
  totalMs: number;
  /** The functions with the most self time (the frames the samples landed in), largest first. */
  topFunctions: Array<{ name: string; ms: number }>;
}

/** `functionName (package or file:line)`, short enough to print. */
function frameName(node: ProfileNode & { callFrame: { lineNumber?: number } }): string {
  const { functionName, url } = node.callFrame;
  const where = url.includes('node_modules/')
    ? url.slice(url.lastIndexOf('node_modules/') + 13).split('/').slice(0, url.includes('node_modules/@') ? 2 : 1).join('/')
    : url.replace(/^.*\/(shared|functions|infra)\//, '$1/').replace(/^node:/, 'node:');
  return `${functionName || '(anonymous)'} (${where || 'native'}${url ? `:${(node.callFrame.lineNumber ?? 0) + 1}` : ''})`;
}

export async function startCpuProfile(): Promise<() => Promise<CpuBreakdown>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
    session.disconnect();
    return breakdown(profile);
  };
}

function breakdown(profile: Profile): CpuBreakdown {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const bucketOf = new Map<number, string | undefined>();
  const classify = (id: number): string | undefined => {
    if (bucketOf.has(id)) return bucketOf.get(id);
    const node = byId.get(id)!;
    const name = node.callFrame.functionName;
    let bucket: string | undefined;
    if (name === '(idle)') bucket = undefined;
    else if (name === '(garbage collector)') bucket = 'garbage collection';
    else {
      // The whole stack decides: a socket write under fetch is fetch's, under the SDK it is the SDK's.
      const urls: string[] = [];
      for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) urls.push(byId.get(x)!.callFrame.url);
      bucket = BUCKETS.find((b) => urls.some(b.test))?.name ?? 'runtime: sockets, timers, microtasks (no caller on the stack)';
    }
    bucketOf.set(id, bucket);
    return bucket;
  };
  const buckets: Record<string, number> = {};
  const self = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const bucket = classify(id);
    if (!bucket) return;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    buckets[bucket] = (buckets[bucket] ?? 0) + ms;
    totalMs += ms;
    const name = frameName(byId.get(id)!);
    self.set(name, (self.get(name) ?? 0) + ms);
  });
  const topFunctions = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([name, ms]) => ({ name, ms }));
  return { buckets, totalMs, topFunctions };
}
