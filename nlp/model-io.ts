import { gunzipSync, gzipSync } from 'node:zlib';
import type { LinearModel } from './linear.ts';

/**
 * Compact binary storage for linear models: int8 weights with square-root companding (fine steps
 * near zero, where most n-gram weights live; coarse steps for the few large emoticon weights),
 * gzip-compressed. Layout: "KBM1", u32 header length, JSON header, then each model's int8 bytes.
 */
const MAGIC = 'KBM1';

interface TensorHeader {
  name: string;
  bits: number;
  bias: number;
  /** Largest absolute weight; q = round(127·sign(w)·sqrt(|w|/max)). */
  max: number;
  offset: number;
}

/** Quantize weights to companded int8. */
export function quantize(w: Float32Array): { q: Int8Array; max: number } {
  let max = 0;
  for (const v of w) max = Math.max(max, Math.abs(v));
  const q = new Int8Array(w.length);
  if (max === 0) return { q, max };
  for (let i = 0; i < w.length; i++) {
    const v = w[i] ?? 0;
    q[i] = Math.round(127 * Math.sign(v) * Math.sqrt(Math.abs(v) / max));
  }
  return { q, max };
}

/** The decoding table of {@link quantize}: `lut[q + 128]` is the weight. */
export function decodingTable(max: number): Float32Array {
  const table = new Float32Array(256);
  for (let k = -128; k < 128; k++) table[k + 128] = Math.sign(k) * (k / 127) ** 2 * max;
  return table;
}

/** Undo {@link quantize}. */
export function dequantize(q: Int8Array, max: number): Float32Array {
  const table = decodingTable(max);
  const w = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) w[i] = table[(q[i] ?? 0) + 128] ?? 0;
  return w;
}

/** The int8 codes and decoding table for weights, as a loaded model carries them. */
export function quantizedCodes(w: Float32Array): { q: Int8Array; lut: Float32Array } {
  const { q, max } = quantize(w);
  return { q, lut: decodingTable(max) };
}

/** Serialize named models to a gzip buffer (deterministic: same weights, same bytes). */
export function encodeModels(models: Record<string, LinearModel>): Buffer {
  const names = Object.keys(models).sort();
  const headers: TensorHeader[] = [];
  const parts: Int8Array[] = [];
  let offset = 0;
  for (const name of names) {
    const m = models[name];
    if (!m) continue;
    const { q, max } = quantize(m.weights);
    headers.push({ name, bits: m.bits, bias: m.bias, max, offset });
    parts.push(q);
    offset += q.length;
  }
  const head = Buffer.from(JSON.stringify(headers), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.length);
  const body = Buffer.concat([
    Buffer.from(MAGIC),
    len,
    head,
    ...parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength)),
  ]);
  return gzipSync(body, { level: 9 });
}

/** Parse what {@link encodeModels} wrote. */
export function decodeModels(buf: Buffer): Record<string, LinearModel> {
  const body = gunzipSync(buf);
  if (body.subarray(0, 4).toString() !== MAGIC) throw new Error('not a koubei model file');
  const headLen = body.readUInt32LE(4);
  const headers = JSON.parse(body.subarray(8, 8 + headLen).toString('utf8')) as TensorHeader[];
  const base = 8 + headLen;
  const out: Record<string, LinearModel> = {};
  for (const h of headers) {
    const size = 1 << h.bits;
    const bytes = body.subarray(base + h.offset, base + h.offset + size);
    const q = Int8Array.from(new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    out[h.name] = {
      bits: h.bits,
      bias: h.bias,
      weights: dequantize(q, h.max),
      quantized: { q, lut: decodingTable(h.max) },
    };
  }
  return out;
}
