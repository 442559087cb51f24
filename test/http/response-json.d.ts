// Tests read JSON bodies whose shape each assertion checks; typing every one adds nothing.
// (Known wart: being global, this also loosens Response.json() in src/, which does not call it.)
declare global {
  interface Response {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    json(): Promise<any>;
  }
}
export {};
