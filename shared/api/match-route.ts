import { MethodNotAllowedError, ValidationError } from '../errors';

/**
 * API Gateway route keys such as `GET /devices/{serial}/history`: `{name}` matches one path segment, which is
 * percent-decoded. A segment that does not decode is the caller's mistake (400); a path served under other
 * methods only is 405; anything else is undefined (404).
 */
export function matchRoute(routeKeys: readonly string[], method: string, path: string): { routeKey: string; pathParameters?: Record<string, string> } | undefined {
  const allowed: string[] = [];
  for (const routeKey of routeKeys) {
    const [routeMethod = '', template = ''] = routeKey.split(' ');
    const names: string[] = [];
    const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([A-Za-z0-9_]+)\}/g, (_m, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    const found = new RegExp(`^${pattern}$`).exec(path);
    if (!found) continue;
    if (routeMethod !== method) {
      allowed.push(routeMethod);
      continue;
    }
    if (names.length === 0) return { routeKey };
    return { routeKey, pathParameters: Object.fromEntries(names.map((n, i) => [n, decodeSegment(found[i + 1] ?? '')])) };
  }
  if (allowed.length > 0) throw new MethodNotAllowedError(`${path} does not take ${method}.`, { details: { allow: [...new Set(allowed)] } });
  return undefined;
}

export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ValidationError('The path is not valid percent-encoding.', { details: { segment: segment.slice(0, 64) } });
  }
}

