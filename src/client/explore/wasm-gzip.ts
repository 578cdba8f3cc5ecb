/**
 * Fetch a gzipped WebAssembly module and inflate it in the browser (DecompressionStream) into a
 * same-origin blob: URL that DuckDB's worker fetches and compiles. A host that already sent the
 * file with Content-Encoding: gzip (so fetch inflated it) is detected by the gzip magic bytes.
 */

/** The first bytes of every gzip stream. */
const GZIP_MAGIC = [0x1f, 0x8b];

/** `stream` inflated when it starts with the gzip magic bytes, else as it is. */
export async function gunzipIfGzip(stream: ReadableStream<Uint8Array>): Promise<ReadableStream<Uint8Array>> {
  const reader = stream.getReader();
  // Read until the first two bytes are known (or the stream ends).
  const head: Uint8Array[] = [];
  let seen = 0;
  while (seen < GZIP_MAGIC.length) {
    const next = await reader.read();
    if (next.done) break;
    head.push(next.value);
    seen += next.value.length;
  }
  const rest = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of head) controller.enqueue(chunk);
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel: (why) => reader.cancel(why),
  });
  const bytes = head.flatMap((c) => [...c.subarray(0, GZIP_MAGIC.length)]).slice(0, GZIP_MAGIC.length);
  const gzipped = bytes.length === GZIP_MAGIC.length && bytes.every((b, i) => b === GZIP_MAGIC[i]);
  return gzipped ? rest.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>) : rest;
}

/** Fetch `url` (gzip or plain wasm) and return a blob: URL of the plain module (revoke it once instantiated). */
export async function wasmBlobUrl(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url} answered ${response.status}`);
  const blob = await new Response(await gunzipIfGzip(response.body)).blob();
  return URL.createObjectURL(new Blob([blob], { type: 'application/wasm' }));
}
