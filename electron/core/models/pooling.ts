// Runs: node (core). Sentence embedding from a token-level output, the way StoreMind's own
// graph computes `sentence_embedding`: mean over tokens whose attention mask is 1, then L2 norm.
export function l2Normalize(v: Float32Array): Float32Array {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += (v[i] as number) * (v[i] as number);
  const inv = 1 / Math.max(Math.sqrt(s), 1e-12);
  for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) * inv;
  return v;
}

/** hidden: [batch, sequence, dim] row-major; mask: [batch, sequence]. */
export function meanPool(hidden: Float32Array, mask: BigInt64Array, batch: number, sequence: number, dim: number): Float32Array[] {
  const out: Float32Array[] = [];
  for (let b = 0; b < batch; b++) {
    const v = new Float32Array(dim);
    let n = 0;
    for (let t = 0; t < sequence; t++) {
      if (mask[b * sequence + t] === 0n) continue;
      n++;
      const off = (b * sequence + t) * dim;
      for (let d = 0; d < dim; d++) v[d] = (v[d] as number) + (hidden[off + d] as number);
    }
    if (n > 0) for (let d = 0; d < dim; d++) v[d] = (v[d] as number) / n;
    out.push(l2Normalize(v));
  }
  return out;
}
