// Writing a page's outputs in place on every input move, at the cost of what the reader can see: an
// element is rewritten only when what it shows changes, and one below the fold only when it comes near
// the viewport. Each is drawn once at load regardless, so the page prints and scrolls without empty cards.

export interface RenderScheduler {
  /** Replaces `element`'s content with `render()` unless `key` is what it already shows. */
  show(element: Element, key: unknown, render: () => Node | string): void;
  /** Sets `element`'s text unless it already reads `value`. */
  text(element: Element, value: string): void;
  /** Runs `job` (which draws into `element`) now, or when `element` comes near the viewport after its first drawing. */
  whenVisible(element: Element, job: () => void): void;
  /** `show`, deferred like `whenVisible`. */
  showVisible(element: Element, key: unknown, render: () => Node | string): void;
}

export interface RenderSchedulerOptions {
  /** How near the viewport counts as visible (IntersectionObserver rootMargin); default 300 px above and below. */
  rootMargin?: string;
}

/** A scheduler for one page; `invalidation` (the cell's) disconnects it when the page re-runs. */
export function renderScheduler(invalidation: Promise<unknown>, {rootMargin = "300px 0px"}: RenderSchedulerOptions = {}): RenderScheduler {
  const written = new WeakMap<Element, unknown>();
  const nearViewport = new Set<Element>();
  const drawn = new WeakSet<Element>();
  const deferred = new Map<Element, () => void>();
  const flush = (element: Element) => {
    const job = deferred.get(element);
    deferred.delete(element);
    job?.();
  };
  const viewport = new IntersectionObserver(
    (entries) => {
      for (const {target, isIntersecting} of entries) {
        if (!isIntersecting) nearViewport.delete(target);
        else nearViewport.add(target), flush(target);
      }
    },
    {rootMargin}
  );
  const flushAll = () => [...deferred.keys()].forEach(flush);
  addEventListener("beforeprint", flushAll);
  invalidation.then(() => (viewport.disconnect(), removeEventListener("beforeprint", flushAll)));

  const show = (element: Element, key: unknown, render: () => Node | string) => {
    if (written.get(element) === key) return;
    written.set(element, key);
    element.replaceChildren(render());
  };
  const whenVisible = (element: Element, job: () => void) => {
    if (!drawn.has(element)) drawn.add(element), viewport.observe(element);
    else if (!nearViewport.has(element)) return void deferred.set(element, job);
    deferred.delete(element);
    job();
  };
  return {
    show,
    text: (element, value) => show(element, value, () => value),
    whenVisible,
    showVisible: (element, key, render) => whenVisible(element, () => show(element, key, render))
  };
}
