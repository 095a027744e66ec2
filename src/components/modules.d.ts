// Types for the two modules components import that ship none: htl's tagged templates, and Framework's
// standard library (resolved by Framework at build time as `observablehq:stdlib`).
declare module "htl" {
  /** An element, or a fragment when the template has several top-level nodes. */
  type Rendered = HTMLElement & DocumentFragment;
  export const html: (strings: TemplateStringsArray, ...values: unknown[]) => Rendered;
  export const svg: (strings: TemplateStringsArray, ...values: unknown[]) => SVGElement & DocumentFragment;
}

declare module "observablehq:stdlib" {
  /** A div that calls `render` with its width (and height) whenever they change, and shows what it returns. */
  export function resize(render: (width: number, height: number) => Node | null | Promise<Node | null>, invalidation?: Promise<unknown>): HTMLDivElement;
}
