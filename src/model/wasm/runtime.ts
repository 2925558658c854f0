/**
 * Typed access to the WebAssembly JavaScript API. The project compiles against the ES library and
 * Node's types only, which do not declare `WebAssembly`; these few members are all Sentra uses.
 */

/** A linear memory; `buffer` is a SharedArrayBuffer when created with `shared: true`. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
}

/** A compiled module (can be posted to worker threads). */
export type WasmModule = object;

/** An instantiated module. */
export interface WasmInstance {
  readonly exports: Record<string, unknown>;
}

interface WebAssemblyApi {
  Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory;
  Module: new (binary: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: Record<string, Record<string, unknown>>) => WasmInstance;
}

function api(): WebAssemblyApi {
  return (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;
}

/** Creates a linear memory of `pages` 64 KiB pages (fixed size when shared). */
export function createMemory(pages: number, shared = false): WasmMemory {
  return shared ? new (api().Memory)({ initial: pages, maximum: pages, shared: true }) : new (api().Memory)({ initial: pages });
}

/** Compiles a module binary. */
export function compileModule(binary: Uint8Array): WasmModule {
  return new (api().Module)(binary);
}

/** Instantiates a module against a memory imported as `env.memory`. */
export function instantiate(module: WasmModule, memory: WasmMemory): WasmInstance {
  return new (api().Instance)(module, { env: { memory } });
}
