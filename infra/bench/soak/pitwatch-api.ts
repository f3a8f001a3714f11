/**
 * The soak's client of the local stack's HTTP API, as a user's browser would call it. Calls are retried for a while
 * on a 5xx or a refused connection: the soak restarts DynamoDB Local under the API on purpose.
 */
export interface SignedIn {
  sessionToken: string;
  userId: string;
}

export class PitwatchApi {
  constructor(private readonly api: string) {}

  async login(email: string, password: string): Promise<SignedIn> {
    const { sessionToken, user } = await this.call<{ sessionToken: string; user: { userId: string } }>(undefined, 'POST', '/auth/login', { email, password });
    return { sessionToken, userId: user.userId };
  }

  async call<T>(token: string | undefined, method: string, path: string, body?: unknown): Promise<T> {
    let lastError = '';
    for (let attempt = 1; attempt <= 20; attempt++) {
      try {
        const res = await fetch(`${this.api}${path}`, {
          method,
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        if (res.ok) return (await res.json()) as T;
        lastError = `${res.status} ${await res.text()}`;
        if (res.status < 500) break;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
      }
      await new Promise((r) => setTimeout(r, 1_000));
    }
    throw new Error(`${method} ${path}: ${lastError}`);
  }
}
