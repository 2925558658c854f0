import { unwrap } from './client';

/**
 * Saves a file the API answered (fetched with `parseAs: 'blob'`, so it carried the token like every
 * call) under the name its Content-Disposition gives, or `fallbackName`.
 */
export function saveDownload(result: { data?: Blob; error?: unknown; response: Response }, fallbackName: string): void {
  const blob = unwrap(result);
  const name = /filename="([^"]+)"/.exec(result.response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
