import type {
  Completion,
  CompletionContext,
  CompletionResult,
  CompletionSource,
} from '@codemirror/autocomplete';

/** Something that can go inside `{{…}}`: a data path or a helper. */
export interface EditorCompletion {
  label: string;
  /** Shown after the label, e.g. a helper's signature. */
  detail?: string;
  /** Shown beside the picker for the highlighted entry. */
  info?: string;
  kind: 'variable' | 'helper' | 'keyword';
}

// Text just typed inside an open tag: `{{`, an optional block sigil, then a name being typed.
const OPEN_TAG = /\{\{\{?~?[#/]?\s*[\w.@-]*$/;
const NAME_START = /[\w.@-]*$/;

/**
 * Completes names inside `{{` only: outside a tag the document is plain JSON or
 * text, and a picker popping up on every word would get in the way.
 * `getItems` is read on each request, so items that load later still show up.
 */
export function templateCompletionSource(getItems: () => readonly EditorCompletion[]): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const tag = context.matchBefore(OPEN_TAG);
    if (!tag) return null;
    const name = NAME_START.exec(tag.text);
    const from = tag.to - (name?.[0].length ?? 0);
    if (from === tag.to && !context.explicit && !tag.text.endsWith('{{')) return null;
    const options: Completion[] = getItems().map((item) => ({
      label: item.label,
      type: item.kind === 'helper' ? 'function' : item.kind,
      ...(item.detail ? { detail: item.detail } : {}),
      ...(item.info ? { info: item.info } : {}),
    }));
    return { from, options, validFor: /^[\w.@-]*$/ };
  };
}
