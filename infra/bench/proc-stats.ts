/**
 * Where the CPU goes during a bench: this Node process (worker code, ThermoWorks client and the in-process simulator)
 * and its child processes (DynamoDB Local's JVM), read from /proc. Linux only; elsewhere the children read as 0.
 */
import { readFileSync, readdirSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100;

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      if (text) out.push(...text.split(/\s+/).map(Number));
    }
  } catch {
    // not Linux, or the process is gone
  }
  return out;
}

/** CPU seconds used so far by one process (0 when unknown). */
export function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at state; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Every descendant of this process (children, their children…), each once. */
function descendants(): number[] {
  const found: number[] = [];
  const pending = childrenOf(process.pid);
  const seen = new Set<number>();
  while (pending.length > 0) {
    const pid = pending.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    found.push(pid);
    pending.push(...childrenOf(pid));
  }
  return found;
}

/** CPU seconds used so far by every descendant of this process. */
export function childCpuSeconds(): number {
  return descendants().reduce((total, pid) => total + cpuSecondsOf(pid), 0);
}

/** CPU seconds used so far by this process (user + system). */
export function ownCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** Resident memory of one process in MB, from /proc (0 when unknown). */
export function residentMbOf(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Resident memory of every descendant of this process in MB (DynamoDB Local's JVM), from /proc. */
export function childResidentMb(): number {
  return descendants().reduce((total, pid) => total + residentMbOf(pid), 0);
}
