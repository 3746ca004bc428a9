// jsdom ships no types and @types/jsdom is not installed: the little the Mermaid checker uses, typed here.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html: string, options?: { pretendToBeVisual?: boolean });
    readonly window: Window & typeof globalThis;
  }
}
