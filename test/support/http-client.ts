import { TOKENS } from './test-tokens';

export interface HttpAnswer<T = any> {
  status: number;
  body: T;
  /** The body as UTF-8 text, a byte order mark kept (fetch's own text() drops it). */
  text: string;
  /** The body as sent: a spreadsheet's bytes. */
  bytes: Buffer;
  headers: Headers;
}

type Role = keyof typeof TOKENS;

export interface RequestOptions {
  as?: Role | null; // null: no Authorization header
  token?: string;
  headers?: Record<string, string>;
}

/** Real HTTP against the running app (fetch), answers parsed as JSON when they are JSON. */
export class HttpClient {
  /** `defaultHeaders` go on every request unless it sets them itself (`accept-language: en` for specs stating English). */
  constructor(
    readonly baseUrl: string,
    private readonly defaultHeaders: Record<string, string> = {},
  ) {}

  get<T = any>(path: string, options: RequestOptions = {}) {
    return this.request<T>('GET', path, undefined, options);
  }
  post<T = any>(path: string, body: unknown, options: RequestOptions = {}) {
    return this.request<T>('POST', path, body, options);
  }
  delete<T = any>(path: string, options: RequestOptions = {}) {
    return this.request<T>('DELETE', path, undefined, options);
  }

  async request<T>(method: string, path: string, body: unknown, options: RequestOptions): Promise<HttpAnswer<T>> {
    const headers: Record<string, string> = { ...this.defaultHeaders, ...options.headers };
    const token = options.token ?? (options.as === null ? undefined : TOKENS[options.as ?? 'admin']);
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = bytes.toString('utf8');
    const isJson = (response.headers.get('content-type') ?? '').includes('json');
    return {
      status: response.status,
      body: (isJson && text ? JSON.parse(text) : text) as T,
      text,
      bytes,
      headers: response.headers,
    };
  }
}
