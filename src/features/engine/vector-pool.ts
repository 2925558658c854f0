/**
 * Hands out fresh feature vectors as views into large shared blocks. A typed array of ~100 doubles
 * is too big for V8's on-heap storage, so allocating one per transaction costs an off-heap buffer
 * each time; views into a block cost only the view. A block stays alive while any of its vectors
 * is referenced, so retaining one vector pins at most one block (`vectorsPerBlock` vectors).
 */
export class VectorPool {
  private block = new Float64Array(0);
  private used = 0;

  constructor(
    private readonly length: number,
    private readonly vectorsPerBlock = 512,
  ) {}

  /** A zero-filled vector that no other caller holds. */
  next(): Float64Array {
    if (this.used === this.block.length) {
      this.block = new Float64Array(this.length * this.vectorsPerBlock);
      this.used = 0;
    }
    const vector = this.block.subarray(this.used, this.used + this.length);
    this.used += this.length;
    return vector;
  }
}
