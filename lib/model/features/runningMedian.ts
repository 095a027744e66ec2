// A median that grows one value at a time. Missing attributes are imputed with what was typical *before*
// an invoice's date: a median over the whole ledger would let invoices issued later leak into the
// features of earlier ones.

export interface RunningMedian {
  add(value: number): void;
  /** The median of the values added so far (mean of the middle two for an even count); NaN while empty. */
  value(): number;
  readonly size: number;
}

/**
 * Two heaps (the lower half as a max-heap, the upper half as a min-heap): O(log n) per value. Values
 * wait in a buffer until a median is asked for, so a ledger with nothing to impute pays almost nothing.
 * `capacity` sizes that buffer (it grows if exceeded).
 */
export function runningMedian(capacity = 64): RunningMedian {
  const lower = minHeap(); // stores negated values, so its minimum is the lower half's maximum
  const upper = minHeap();
  let pending = new Float64Array(Math.max(1, capacity));
  let pendingCount = 0;
  const insert = (value: number) => {
    if (lower.size === 0 || value <= -lower.peek()) lower.push(-value);
    else upper.push(value);
    if (lower.size > upper.size + 1) upper.push(-lower.pop());
    else if (upper.size > lower.size) lower.push(-upper.pop());
  };
  return {
    add(value) {
      if (pendingCount === pending.length) {
        const grown = new Float64Array(pending.length * 2);
        grown.set(pending);
        pending = grown;
      }
      pending[pendingCount++] = value;
    },
    value() {
      for (let k = 0; k < pendingCount; ++k) insert(pending[k]);
      pendingCount = 0;
      if (lower.size === 0) return NaN;
      return lower.size > upper.size ? -lower.peek() : (-lower.peek() + upper.peek()) / 2;
    },
    get size() {
      return lower.size + upper.size + pendingCount;
    }
  };
}

interface MinHeap {
  readonly size: number;
  push(value: number): void;
  pop(): number;
  peek(): number;
}

function minHeap(): MinHeap {
  let data = new Float64Array(64);
  let size = 0;
  return {
    get size() {
      return size;
    },
    push(value) {
      if (size === data.length) {
        const grown = new Float64Array(data.length * 2);
        grown.set(data);
        data = grown;
      }
      let i = size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (data[parent] <= value) break;
        data[i] = data[parent];
        i = parent;
      }
      data[i] = value;
    },
    pop() {
      const top = data[0];
      const last = data[--size];
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= size) break;
        const child = left + 1 < size && data[left + 1] < data[left] ? left + 1 : left;
        if (data[child] >= last) break;
        data[i] = data[child];
        i = child;
      }
      if (size > 0) data[i] = last;
      return top;
    },
    peek: () => data[0]
  };
}
