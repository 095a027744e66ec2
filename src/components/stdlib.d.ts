// Framework's standard library as a component module imports it (Framework resolves the name itself;
// TypeScript needs to be told what it holds). Only what the components use.
declare module "npm:@observablehq/stdlib" {
  export function FileAttachment(path: string): {json(): Promise<unknown>};
}
