/** Vite's `?raw` imports: the file's text as a string (the store's background threads run their source with `eval`). */
declare module '*?raw' {
  const text: string;
  export default text;
}
