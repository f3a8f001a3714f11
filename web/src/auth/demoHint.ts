/**
 * The demo accounts exist only on the local stack (`npm start`), so the hint is shown only there:
 * on a real deployment it would advertise credentials that do not work.
 */
const LOCAL_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLocalHost(hostname: string): boolean {
  return LOCAL_HOSTNAMES.has(hostname) || hostname.endsWith('.localhost');
}

export const DEMO_HINT = 'Demo accounts: demo@pitwatch.local or guest@pitwatch.local, password pitwatch';
